"""lean-theme.css: the theme's stylesheet without Font Awesome and without the rules that cannot
match on the site's pages (ext/archive_site/stylesheet.py)."""

from __future__ import annotations

import tinycss2

from archive_site.stylesheet import lean_stylesheet, theme_classes, without_icons, without_unused

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
    css = lean_stylesheet(".a{color:red}.fa-sun{color:blue}", {"a", "fa-sun"})
    assert css.startswith(".a{color:red}\n")
    assert "--ws-icon-sun" in css  # static/icons.css
    assert "@media print" in css  # static/print.css


def unused_dropped(css: str, names: set[str]) -> str:
    return tinycss2.serialize(without_unused(tinycss2.parse_stylesheet(css, skip_whitespace=True),
                                             names))


def test_rules_that_need_a_class_no_page_has_go():
    css = (".btn{a:1}.carousel .item{b:2}.carousel,.btn-lg{c:3}.navbar:not(.unused){d:4}"
           ":is(.unused,.btn) p{e:5}table,[data-theme=dark] .btn{f:6}html{g:7}"
           "@media (min-width:1px){.carousel{h:8}.navbar{i:9}}@media print{.unused{j:10}}"
           "@font-face{font-family:Inter}@keyframes spin{to{k:11}}")
    assert unused_dropped(css, {"btn", "navbar"}) == (
        ".btn{a:1}.navbar:not(.unused){d:4}:is(.unused,.btn) p{e:5}"
        "table,[data-theme=dark] .btn{f:6}html{g:7}"
        "@media (min-width:1px){.navbar{i:9}}"
        "@font-face{font-family:Inter}@keyframes spin{to{k:11}}")


def test_icons_and_unused_rules_go_together_and_the_site_rules_follow():
    css = lean_stylesheet("@media (min-width:1px){.a{color:red}.fa-sun{color:blue}.b{gap:0}}"
                          ".a{color:red}", {"a", "fa-sun"})
    assert css.startswith("@media (min-width:1px){.a{color:red}}.a{color:red}\n")


def test_the_classes_the_theme_requires_are_those_outside_functions_and_icons():
    assert theme_classes(".a .b{x:1}.c:not(.d){x:2}@media print{.e{x:3}}.fa-sun{x:4}"
                         ":is(.f){x:5}") == {"a", "b", "c", "e"}
