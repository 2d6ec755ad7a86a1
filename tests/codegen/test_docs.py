"""The model's HTML documentation becomes docstring text: paragraphs and Markdown lists."""

from codegen.docs import MAX_CHARS, blocks, note, short_doc, to_text
from codegen.render_common import docstring, wrap


def test_tags_and_links_are_dropped_but_their_text_kept_and_code_quoted() -> None:
    html = '<p>See <a href="https://x">the guide</a> and <code>CopySnapshot</code> .</p>'
    assert short_doc(html) == "See the guide and `CopySnapshot`."


def test_a_list_is_one_line_per_item_after_a_blank_line() -> None:
    html = "<p>Valid values:</p> <ul> <li> <p> <code>sun</code> </p> </li> <li>mon</li> </ul>"
    assert short_doc(html) == "Valid values:\n\n- `sun`\n- mon"


def test_an_items_paragraphs_run_on_and_nested_lists_are_indented() -> None:
    html = (
        "<ol><li><p>First:</p><p>more.</p><ul><li>inner</li></ul><p>After.</p></li>"
        "<li><ul><li>hoisted</li></ul></li><li><p> </p></li></ol>"
    )
    assert to_text(blocks(html)) == ("1. First: more.\n    - inner\n2. After.\n3. hoisted")


def test_a_paragraph_of_punctuation_alone_is_dropped() -> None:
    assert short_doc("<p>One.</p><p> - </p><p>Two.</p>") == "One.\n\nTwo."


def test_shortening_keeps_whole_blocks_and_drops_a_list_with_its_introduction() -> None:
    html = "<p>Short.</p><p>The following:</p><ul>" + "<li>an item here</li>" * 60 + "</ul>"
    assert short_doc(html) == "Short."


def test_a_long_first_paragraph_is_cut_at_a_sentence_end() -> None:
    text = short_doc("<p>" + "A sentence here. " * 100 + "</p>")
    assert len(text) <= MAX_CHARS and text.endswith("here.")


def test_a_note_is_the_whole_first_paragraph_with_the_list_it_introduces() -> None:
    assert note("<p>One. Two.</p><p>Three.</p>") == "One. Two."
    assert note("<p>Possible values:</p><ul><li>A - first</li><li>B</li></ul>") == (
        "Possible values: A - first; B."
    )


def test_wrapped_lines_never_start_with_a_markdown_marker() -> None:
    lines = wrap("word " * 17 + "- dash and > quote and 1. number " * 3, 40)
    assert all(not line.startswith(("- ", "> ", "1. ")) for line in lines[1:])


def test_list_items_wrap_with_hanging_indent_and_quotes_are_escaped() -> None:
    text = "Intro.\n\n- " + "long item " * 12 + '\n- say """hi""" \\'
    source = docstring(text, indent=4)
    assert "\n      long item" in source
    assert '\\"\\"\\"hi\\"\\"\\"' in source and "\\\\" in source
