"""lean-theme.css: the theme's stylesheet without Font Awesome (ext/archive_site/stylesheet.py)."""

from __future__ import annotations

import tinycss2

from archive_site.stylesheet import lean_stylesheet, without_icons

THEME_LIKE = (
    '@charset "UTF-8";/*! Bootstrap licence */:root{--x:1}'
    "/* a plain comment { */"
    '@font-face{font-family:"Font Awesome 7 Free";src:url(fa.woff2)}'
    "@font-face{font-family:Font Awesome\\ 7 Brands;src:url(fab.woff2)}"
    '@font-face{font-family:Inter;src:url(inter.woff2)}'
    '.fa-sun:before{content:"\\f185"}.fa,.fas{display:inline-block}'
    ':is(.x .fa-moon){color:red}.theme-switch-button :not(.fa-solid){gap:0}'
    '.fade{opacity:0}.btn,.fa-lg{font-size:1rem}.quote:before{content:"}{"}'
    "@media (min-width:1px){.fa-xs{font-size:.5em}.navbar{gap:1px}}"
    "@media print{.fa-print{display:none}}@keyframes fa-spin{to{transform:rotate(1turn)}}"
    "@keyframes fade-in{to{opacity:1}}"
)


def lean(css: str) -> str:
    return tinycss2.serialize(without_icons(tinycss2.parse_stylesheet(css,
                                                                      skip_whitespace=True)))


def test_icon_rules_fonts_and_animations_go_and_the_rest_stays():
    assert lean(THEME_LIKE) == (
        '@charset "UTF-8";/*! Bootstrap licence */:root{--x:1}'
        "@font-face{font-family:Inter;src:url(inter.woff2)}"
        '.fade{opacity:0}.btn,.fa-lg{font-size:1rem}.quote:before{content:"}{"}'
        "@media (min-width:1px){.navbar{gap:1px}}"
        "@keyframes fade-in{to{opacity:1}}"
    )


def test_the_site_rules_follow_the_themes():
    css = lean_stylesheet(".a{color:red}.fa-sun{color:blue}")
    assert css.startswith(".a{color:red}\n")
    assert "--ws-icon-sun" in css  # static/icons.css
    assert "@media print" in css  # static/print.css
