"""A notification's content as plain text and safe HTML."""

from __future__ import annotations

from notifications.rendering import html_to_text, render


def test_markdown_becomes_text_with_its_structure():
    text, html = render(
        "# Disk\n\n- `/var` 97 %\n- `/home` 80 %\n\nSee [the runbook](https://wiki.example.com/disk) & <b>act</b>."
    )
    assert "<h1>Disk</h1>" in html and "<li><code>/var</code> 97 %</li>" in html
    assert "&lt;b&gt;act&lt;/b&gt;" in html
    assert text == "Disk\n\n- /var 97 %\n- /home 80 %\n\nSee the runbook (https://wiki.example.com/disk) & <b>act</b>."


def test_a_link_that_is_its_own_text_is_not_repeated():
    assert html_to_text('<p><a href="https://x.example">https://x.example</a></p>') == "https://x.example"
    assert html_to_text('<p><a href="mailto:a@example.com">a@example.com</a></p>') == "a@example.com"


def test_unsafe_links_and_images_are_not_rendered_as_such():
    _, html = render("[x](javascript:alert(1)) ![pixel](https://t.example/p.gif)")
    assert 'href="javascript' not in html
    assert "<img" not in html


def test_code_blocks_keep_their_lines():
    text, _ = render("Run:\n\n```\ndf -h\n\nfree -m\n```")
    assert text == "Run:\n\ndf -h\n\nfree -m"


def test_plain_text_is_escaped_and_keeps_its_lines():
    text, html = render("a < b\n\nc", "text")
    assert text == "a < b\n\nc"
    assert html == "<p>a &lt; b</p>\n\n<p>c</p>"
