"""The strategy's Markdown as blocks of runs for the documents (no Django)."""

from publication.documents.markdown import blocks, plain, runs


def test_bold_and_italic_become_runs_and_the_rest_stays_plain():
    assert runs("Mere **velfærd** for *pengene*") == [
        {"text": "Mere ", "bold": False, "italic": False},
        {"text": "velfærd", "bold": True, "italic": False},
        {"text": " for ", "bold": False, "italic": False},
        {"text": "pengene", "bold": False, "italic": True},
    ]


def test_paragraphs_and_list_items_are_blocks():
    text = "Første afsnit\nfortsat.\n\n- punkt et\n- punkt **to**\n\nSidste."
    out = blocks(text)
    assert [b["item"] for b in out] == [False, True, True, False]
    assert plain(text) == "Første afsnit fortsat. punkt et punkt to Sidste."


def test_markup_of_any_kind_stays_as_it_was_typed():
    text = "#set page(width: 1cm) <script>alert(1)</script> ] [ \\ $x$ * 3 * 4"
    assert plain(text) == text


def test_a_link_keeps_its_text_and_address():
    assert plain("Se [planen](https://skovby.dk/plan)") == "Se planen (https://skovby.dk/plan)"


def test_empty_text_has_no_blocks():
    assert blocks("") == [] and blocks("  \n\n ") == []
