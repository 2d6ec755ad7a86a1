"""The model's HTML documentation becomes short plain text."""

from codegen.docs import MAX_CHARS, first_sentence, plain_text, short_doc


def test_tags_and_links_are_dropped_but_their_text_kept() -> None:
    html = '<p>See <a href="https://x">the guide</a> and <code>CopySnapshot</code>.</p>'
    assert plain_text(html) == "See the guide and CopySnapshot."


def test_list_items_become_dashes() -> None:
    assert plain_text("<ul><li><p>one</p></li><li>two</li></ul>") == "- one\n- two"


def test_long_documentation_is_cut_at_a_sentence() -> None:
    html = "<p>" + "A sentence here. " * 100 + "</p>"
    text = short_doc(html)
    assert len(text) <= MAX_CHARS and text.endswith(".")


def test_triple_quotes_and_backslashes_are_escaped() -> None:
    assert '"""' not in short_doc('<p>say """hi""" \\ </p>')


def test_first_sentence() -> None:
    assert first_sentence("One. Two.\nThree.") == "One."
