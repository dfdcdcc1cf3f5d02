"""boilerstrip: strip portal chrome from scraped news pages.

>>> from boilerstrip import clean_article
>>> article = clean_article(open("page.txt", encoding="utf-8").read())
>>> article.title, article.source, article.body
"""
from .article import Article, Removal
from .options import Options
from .pipeline import clean_article, clean_articles

__all__ = ["Article", "Options", "Removal", "clean_article", "clean_articles"]
__version__ = "0.1.0"
