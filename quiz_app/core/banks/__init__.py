"""Banks: reading and validating what trainers write (question banks, session plans, the bank
cache)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._surface import lazy_surface

if TYPE_CHECKING:
    from .bank import (
        CATEGORY_KEYS,
        DEFAULT_KEYS,
        IMAGE_SUFFIXES,
        QUESTION_KEYS,
        TIME_RANGE,
        TOP_KEYS,
        TRUE_FALSE_OPTIONS,
        load_bank,
        validate_source,
    )
    from .cache import (
        LOADER_VERSION,
        BankCache,
        bank_from_cache,
        bank_to_cache,
    )
    from .importers import (
        FORMAT_NAMES,
        FORMATS,
        ImportResult,
        import_questions,
        imported_text,
        write_imported,
    )
    from .importers.xlsx_template import write_template
    from .lint import letter_warnings, may_shuffle
    from .plan import (
        DRAW_KEYS,
        PLAN_KEYS,
        default_plan,
        is_plan_file,
        load_plan,
        load_runnable,
    )
    from .pledge import (
        PLEDGE_FORMAT,
        Pledge,
        bundled_pledge_file,
        load_pledge,
    )
    from .resources import (
        assets_dir,
        bundled_bank_files,
        bundled_banks_dir,
        bundled_plan_files,
        declared_id,
        find_bank_by_id,
    )
    from .schema import (
        SLUG,
        TYPE_NAMES,
        Fields,
        describe,
    )
    from .writer import bank_yaml, validate_text
    from .yamlsrc import (
        MAX_DEPTH,
        MAX_FILE_BYTES,
        LocList,
        LocMap,
        Pos,
        Source,
        parse_yaml,
        read_source,
    )

_SURFACE = {
    "FORMATS": "importers",
    "FORMAT_NAMES": "importers",
    "ImportResult": "importers",
    "import_questions": "importers",
    "imported_text": "importers",
    "write_imported": "importers",
    "write_template": "importers.xlsx_template",
    "bank_yaml": "writer",
    "validate_text": "writer",
    "BankCache": "cache",
    "CATEGORY_KEYS": "bank",
    "DEFAULT_KEYS": "bank",
    "DRAW_KEYS": "plan",
    "Fields": "schema",
    "IMAGE_SUFFIXES": "bank",
    "PLEDGE_FORMAT": "pledge",
    "Pledge": "pledge",
    "LOADER_VERSION": "cache",
    "LocList": "yamlsrc",
    "LocMap": "yamlsrc",
    "MAX_DEPTH": "yamlsrc",
    "MAX_FILE_BYTES": "yamlsrc",
    "PLAN_KEYS": "plan",
    "Pos": "yamlsrc",
    "QUESTION_KEYS": "bank",
    "SLUG": "schema",
    "Source": "yamlsrc",
    "TIME_RANGE": "bank",
    "TOP_KEYS": "bank",
    "TRUE_FALSE_OPTIONS": "bank",
    "TYPE_NAMES": "schema",
    "assets_dir": "resources",
    "bank_from_cache": "cache",
    "bank_to_cache": "cache",
    "bundled_bank_files": "resources",
    "bundled_banks_dir": "resources",
    "bundled_plan_files": "resources",
    "bundled_pledge_file": "pledge",
    "declared_id": "resources",
    "default_plan": "plan",
    "describe": "schema",
    "find_bank_by_id": "resources",
    "is_plan_file": "plan",
    "letter_warnings": "lint",
    "load_bank": "bank",
    "load_plan": "plan",
    "load_pledge": "pledge",
    "load_runnable": "plan",
    "may_shuffle": "lint",
    "parse_yaml": "yamlsrc",
    "read_source": "yamlsrc",
    "validate_source": "bank",
}

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "ImportResult",
    "import_questions",
    "imported_text",
    "write_imported",
    "write_template",
    "bank_yaml",
    "validate_text",
    "BankCache",
    "CATEGORY_KEYS",
    "DEFAULT_KEYS",
    "DRAW_KEYS",
    "Fields",
    "IMAGE_SUFFIXES",
    "PLEDGE_FORMAT",
    "Pledge",
    "LOADER_VERSION",
    "LocList",
    "LocMap",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "PLAN_KEYS",
    "Pos",
    "QUESTION_KEYS",
    "SLUG",
    "Source",
    "TIME_RANGE",
    "TOP_KEYS",
    "TRUE_FALSE_OPTIONS",
    "TYPE_NAMES",
    "assets_dir",
    "bank_from_cache",
    "bank_to_cache",
    "bundled_bank_files",
    "bundled_banks_dir",
    "bundled_plan_files",
    "bundled_pledge_file",
    "declared_id",
    "default_plan",
    "describe",
    "find_bank_by_id",
    "is_plan_file",
    "letter_warnings",
    "load_bank",
    "load_plan",
    "load_pledge",
    "load_runnable",
    "may_shuffle",
    "parse_yaml",
    "read_source",
    "validate_source",
]

__getattr__, __dir__ = lazy_surface(__name__, _SURFACE)
