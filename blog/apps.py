from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from wagtail.signals import init_new_page

        from blog.signals import sign_new_posts_with_their_writer

        init_new_page.connect(sign_new_posts_with_their_writer, dispatch_uid="blog_sign_new_posts")
