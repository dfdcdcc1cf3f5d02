"""boilerstrip: strip portal chrome from scraped news pages.

>>> from boilerstrip import clean_article
>>> article = clean_article(open("page.txt", encoding="utf-8").read())
>>> article.title, article.source, article.body
"""
from .article import Article, Removal
from .many import PageResult, clean_many
from .options import Options
from .pipeline import clean_article, clean_articles

__all__ = ["Article", "Options", "PageResult", "Removal", "clean_article", "clean_articles", "clean_many"]
__version__ = "0.1.0"
