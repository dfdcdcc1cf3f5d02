"""boilerstrip: strip portal chrome from scraped news pages.

>>> from boilerstrip import clean_article
>>> article = clean_article(open("page.txt", encoding="utf-8").read())
>>> article.title, article.source, article.body
"""
from .article import Article, Removal, RemovedPieces
from .many import PageResult, clean_many
from .options import Options
from .pipeline import Result, clean, clean_article, clean_articles
from .rules import RuleSet, RulesError

__all__ = [
    "Article", "Options", "PageResult", "Removal", "RemovedPieces", "Result", "RuleSet", "RulesError",
    "clean", "clean_article", "clean_articles", "clean_many",
]
__version__ = "0.1.0"
