"""The footer's contact details: fields the identity leaves unset are left out. Everything
else every built page carries besides its text (description and sharing tags, favicon, footer,
edit link, the /was forwarding page, the 404 page) is checked by macros/kvalitet/test_pages.py."""

from __future__ import annotations

from bs4 import BeautifulSoup


def test_unset_contact_fields_are_left_out_of_the_footer(second_site):
    # The second strategy has only an e-mail: that alone is shown, as a link.
    soup = BeautifulSoup((second_site / "index.html").read_text("utf-8"), "html.parser")
    contact = soup.find(class_="sidefod__kontakt").get_text(" ", strip=True)
    assert contact.startswith("E-mail:") and "Adresse" not in contact and "Telefon" not in contact
    assert soup.find(class_="sidefod__kontakt").find("a", href="mailto:testdata@example.invalid")
