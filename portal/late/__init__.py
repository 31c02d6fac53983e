"""The last installed app: wiring that needs every other app, hook and snippet registered."""
