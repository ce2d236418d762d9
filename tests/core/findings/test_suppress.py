"""Inline suppression comments: every form, both sides, markup around the comment."""

from __future__ import annotations

from helpers.reports import DOC_A, DOC_B, docs, sample  # noqa: E402

from checker.findings.suppress import apply_inline, parse_directives  # noqa: E402


def run(a: str = DOC_A, b: str = DOC_B, **kw):
    documents, fs = sample(docs(a, b, **kw))
    errors = []
    n = apply_inline(fs, documents, errors=errors)
    by_rule = {f.rule_id: f for f in fs}
    return n, by_rule, errors


def silenced(by_rule) -> set[str]:
    return {rid for rid, f in by_rule.items() if f.suppressed}


def test_no_directive_suppresses_nothing():
    n, by_rule, errors = run()
    assert n == 0 and silenced(by_rule) == set() and errors == []


def test_disable_enable_block_with_rule_and_justification():
    a = DOC_A.replace(
        "Microsoft a investi",
        "<!-- factcheck-disable fr.investment-amount -- confirmed with the CFO -->\nMicrosoft a investi",
    ).replace("- Le partenariat", "<!-- factcheck-enable -->\n- Le partenariat")
    n, by_rule, _ = run(a)
    assert n == 1 and silenced(by_rule) == {"fr.investment-amount"}
    sup = by_rule["fr.investment-amount"].suppressed
    assert sup["kind"] == "inline"
    assert sup["justification"] == "confirmed with the CFO"
    assert sup["location"] == "articles/a.md:3"


def test_block_ends_at_enable():
    # the disable covers every rule but stops before the date line
    a = DOC_A.replace("Microsoft a investi", "<!-- factcheck-disable -->\nMicrosoft a investi").replace(
        "- Le partenariat", "<!-- factcheck-enable -->\n- Le partenariat"
    )
    n, by_rule, _ = run(a)
    assert silenced(by_rule) == {"fr.investment-amount"}


def test_disable_without_enable_runs_to_end_of_document():
    a = "<!-- factcheck-disable -->\n" + DOC_A
    n, by_rule, _ = run(a)
    assert n == 3


def test_disable_after_the_evidence_does_not_apply():
    a = DOC_A + "\n<!-- factcheck-disable -->\n"
    n, _, _ = run(a)
    assert n == 0


def test_enable_one_rule_after_disable_all():
    a = "<!-- factcheck-disable -->\n<!-- factcheck-enable fr.date -->\n" + DOC_A
    n, by_rule, _ = run(a)
    assert silenced(by_rule) == {"fr.investment-amount", "generic.quantity"}


def test_glob_patterns_and_lists():
    a = "<!-- factcheck-disable fr.*, generic.quantity -->\n" + DOC_A
    n, by_rule, _ = run(a)
    assert silenced(by_rule) == {"fr.investment-amount", "fr.date", "generic.quantity"}
    a = "<!-- factcheck-disable fr.d?te -->\n" + DOC_A
    assert silenced(run(a)[1]) == {"fr.date"}
    a = "<!-- factcheck-disable en.* -->\n" + DOC_A
    assert silenced(run(a)[1]) == set()


def test_disable_next_line_on_bold_line():
    a = DOC_A.replace(
        "Microsoft a investi", "<!-- factcheck-disable-next-line fr.investment-amount -->\nMicrosoft a investi"
    )
    assert "**13,75" in a
    n, by_rule, _ = run(a)
    assert silenced(by_rule) == {"fr.investment-amount"}


def test_disable_next_line_skips_blank_lines_but_only_one_text_line():
    a = DOC_A.replace("Microsoft a investi", "<!-- factcheck-disable-next-line -->\n\nMicrosoft a investi")
    n, by_rule, _ = run(a)
    assert silenced(by_rule) == {"fr.investment-amount"}
    # the directive right before the list covers its first item only
    a = DOC_A.replace("- Le partenariat", "<!-- factcheck-disable-next-line -->\n- Le partenariat")
    assert silenced(run(a)[1]) == {"fr.date"}


def test_disable_next_line_inside_list_with_italic():
    # the comment sits at the end of a list item; the next item (with italic markup) is covered
    a = DOC_A.replace(
        "- Le partenariat a été signé en *janvier 2023*.\n",
        "- Premier point. <!-- factcheck-disable-next-line fr.date -->\n"
        "- Le partenariat a été signé en *janvier 2023*.\n",
    )
    n, by_rule, _ = run(a)
    assert silenced(by_rule) == {"fr.date"}


def test_disable_line_on_list_item_with_italic_and_bold():
    a = DOC_A.replace(
        "- Le partenariat a été signé en *janvier 2023*.",
        "- Le partenariat a été signé en *janvier 2023*. <!-- factcheck-disable-line fr.date -->",
    )
    assert silenced(run(a)[1]) == {"fr.date"}
    a = DOC_A.replace(
        "**13,75 milliards de dollars**", "**13,75 milliards de dollars** <!-- factcheck-disable-line -->"
    )
    assert silenced(run(a)[1]) == {"fr.investment-amount"}


def test_comment_inside_bold_markup():
    a = DOC_A.replace(
        "**13,75 milliards de dollars**",
        "**<!-- factcheck-disable-line fr.investment-amount -->13,75 milliards de dollars**",
    )
    assert silenced(run(a)[1]) == {"fr.investment-amount"}


def test_match_specific_form():
    a = '<!-- factcheck-disable fr.investment-amount["13,75 milliards"] -- figure from the 10-K -->\n' + DOC_A
    n, by_rule, _ = run(a)
    assert silenced(by_rule) == {"fr.investment-amount"}
    assert by_rule["fr.investment-amount"].suppressed["justification"] == "figure from the 10-K"
    # a different figure is not silenced by it
    a = '<!-- factcheck-disable fr.investment-amount["12 milliards"] -->\n' + DOC_A
    assert silenced(run(a)[1]) == set()
    # the text is matched in the evidence of *that* document: "10 milliards" is in b, not a
    a = '<!-- factcheck-disable fr.investment-amount["10 milliards"] -->\n' + DOC_A
    assert silenced(run(a)[1]) == set()


def test_match_specific_ignores_markup_case_and_spaces():
    a = DOC_A.replace("**13,75 milliards de dollars**", "**13,75\u00a0Milliards** de dollars")
    a = '<!-- factcheck-disable fr.*["13,75 milliards de dollars"] -->\n' + a
    documents = docs(a)
    # evidence across the bold markup
    from helpers.reports import finding

    da, db = list(documents)
    f = finding(
        documents,
        "fr.investment-amount",
        "error",
        [(da, "13,75\u00a0Milliards** de dollars", None), (db, "10 milliards de dollars", None)],
    )
    assert apply_inline([f], documents) == 1


def test_match_specific_next_line_and_single_quotes():
    a = DOC_A.replace(
        "Microsoft a investi",
        "<!-- factcheck-disable-next-line fr.investment-amount['13,75'], fr.date -->\nMicrosoft a investi",
    )
    assert silenced(run(a)[1]) == {"fr.investment-amount"}


def test_directive_on_the_other_side_silences_the_finding():
    b = DOC_B.replace(
        "OpenAI compte 3 000", "<!-- factcheck-disable-next-line generic.quantity -->\nOpenAI compte 3 000"
    )
    n, by_rule, _ = run(b=b)
    assert silenced(by_rule) == {"generic.quantity"}
    assert by_rule["generic.quantity"].suppressed["location"] == "articles/b.txt:5"


def test_html_document_comments():
    html_a = (
        "<html><body><h1>Microsoft et OpenAI</h1>\n<p>Microsoft a investi <b>13,75 milliards de dollars</b> "
        "dans OpenAI.</p>\n<!-- factcheck-disable-next-line -->\n<ul>\n<li>Le partenariat a été signé en "
        "<i>janvier 2023</i>.</li>\n<li>OpenAI compte 1 500 salariés.</li></ul></body></html>\n"
    )
    documents = docs(html_a, fmt_a="html", id_a="a.html")
    da, db = list(documents)
    from helpers.reports import finding

    fs = [
        finding(documents, "fr.date", "warning", [(da, "janvier 2023", None), (db, "mars 2023", None)]),
        finding(
            documents,
            "fr.investment-amount",
            "error",
            [(da, "13,75 milliards de dollars", None), (db, "10 milliards de dollars", None)],
        ),
    ]
    # "<ul>" alone is markup only: the directive covers the first <li> line
    assert apply_inline(fs, documents) == 1
    assert fs[0].suppressed and not fs[1].suppressed


def test_typo_is_reported_and_silences_nothing():
    a = "<!-- factcheck-disabel fr.date -->\n" + DOC_A
    n, by_rule, errors = run(a)
    assert n == 0
    assert len(errors) == 1 and errors[0].path == "articles/a.md" and errors[0].line == 1
    assert "factcheck-disabel" in errors[0].message


def test_unterminated_quote_is_reported():
    a = '<!-- factcheck-disable fr.date["janvier -->\n' + DOC_A
    n, _, errors = run(a)
    assert n == 0 and errors and "unterminated" in errors[0].message


def test_already_suppressed_findings_are_kept_as_is():
    documents, fs = sample(docs("<!-- factcheck-disable -->\n" + DOC_A))
    fs[0].suppressed = {"kind": "baseline"}
    assert apply_inline(fs, documents) == 2
    assert fs[0].suppressed == {"kind": "baseline"}


def test_parse_directives_fields():
    documents = docs('x\n<!-- factcheck-disable a.b, c["d, e"] -- why -- not split -->\n' + DOC_A)
    d = parse_directives(documents["articles/a.md"])[0]
    assert d.name == "disable" and d.line == 2
    assert [(i.pattern, i.match) for i in d.items] == [("a.b", None), ("c", "d, e")]
    assert d.justification == "why -- not split"
