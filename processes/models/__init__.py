from .pages import (
    ProcessOverviewPage,
    ProcessPage,
    RequirementCataloguePage,
    StageChange,
    ToolboxPage,
)
from .snippets import Requirement, Tool

__all__ = [
    "ProcessOverviewPage",
    "ProcessPage",
    "Requirement",
    "RequirementCataloguePage",
    "StageChange",
    "Tool",
    "ToolboxPage",
]
