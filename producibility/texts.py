"""User-visible texts added for the customer's side (issue 17), in both languages.

One place for the words of the answer parser's new messages, the customer offer,
the on-screen form and the spreadsheet CSV.  :func:`texts` gives one language's
dict; the older dicts (``intake.TEXTS``, ``render.LABELS``) read these through it
until all texts move here.
"""

import collections

TEXTS = {
    "en": {
        # answers (intake)
        "ambiguous_number": "'{text}' can mean {thousands} or {decimal}; write {thousands} "
                            "or {decimal_typed}.",
        "bad_grouping": "'{text}' is not a number: a thousands separator groups three digits.",
        "none_not_allowed": "Choose at least {n}; 'none' is not an answer here.",
        "required_multi": "This question is required: choose numbers, or 0 for none. "
                          "Type - to leave it open for now.",
        "choose_none_any": "0 = none",
        # the customer offer
        "offer": "Offer", "offer_for": "Offer for", "your_reference": "Your reference",
        "our_reference": "Our reference", "offer_date": "Date", "valid_until": "Valid until",
        "contact": "Contact", "what_we_make": "What we make",
        "how_we_make_it": "How", "material": "Material", "per_piece": "Price per piece",
        "total": "Total", "quantity": "Quantity", "pcs": "pcs", "price": "Price",
        "excl_vat": "Prices in euros, excluding VAT.",
        "indicative": "Indicative price: it becomes firm once the questions below are "
                      "answered.",
        "no_price": "We cannot price this yet: see what we need from you.",
        "lead_time": "Delivery", "lead_time_days": "Material and outside work add about {days} working days.",
        "wanted": "You asked for delivery by {date}.",
        "earliest": "Earliest delivery: {date}.",
        "assumptions": "What we assumed (tell us if it is otherwise)",
        "assumption": "{question}: {answer}",
        "we_need": "What we need from you", "design_advice": "Design advice",
        "part": "Part", "parts_total": "Total",
        "cannot_make": "We cannot make this part as requested with our equipment.",
        "not_judged_yet": "To be confirmed once we have your answers.",
        "offer_intro_fit": "Thank you for your request. We can make it as described below.",
        "offer_intro_conditional": "Thank you for your request. Below is our offer so far; "
                                   "a few answers from you will make it firm.",
        "offer_intro_no_fit": "Thank you for your request. Unfortunately we cannot make "
                              "everything as requested; see below.",
        "closing": "We look forward to your answers and your order.",
        "closing_order": "We look forward to your order.",
        "question_for_part": "{question} (part {part})",
        "and_more": "And {n} more questions that help us sharpen the offer.",
        # csv for a spreadsheet
        "csv_columns": ("kind", "part", "process", "machine", "rule", "description",
                        "setup_h", "run_h", "hours", "rate_eur_h", "amount_eur", "basis",
                        "attended", "source"),
        "subtotal": "subtotal", "contingency": "contingency", "high_estimate": "high estimate",
        # the on-screen form
        "form_save": "Save the request file", "form_add_part": "Add a part",
        "form_remove_part": "Remove this part", "form_saved": "Saved as {name}. Send this "
        "file to us by e-mail.", "form_missing": "Still open (required):",
        "form_choose": "– choose –", "form_yes": "yes", "form_no": "no",
        "form_how": "Fill in what you know; leave the rest open. The button at the bottom "
                    "saves a request file (YAML) on your computer; nothing is sent anywhere.",
        "form_preview": "The file that will be saved",
        "form_to": "Send it to",
        "form_json": "Save as JSON", "form_none": "none of these",
    },
    "nl": {
        "ambiguous_number": "'{text}' kan {thousands} of {decimal} betekenen; schrijf "
                            "{thousands} of {decimal_typed}.",
        "bad_grouping": "'{text}' is geen getal: een scheidingsteken voor duizendtallen "
                        "staat voor groepjes van drie cijfers.",
        "none_not_allowed": "Kies er minstens {n}; 'geen' is hier geen antwoord.",
        "required_multi": "Deze vraag is verplicht: kies nummers, of 0 voor geen. "
                          "Typ - om haar voorlopig open te laten.",
        "choose_none_any": "0 = geen",
        "offer": "Offerte", "offer_for": "Offerte voor", "your_reference": "Uw kenmerk",
        "our_reference": "Ons kenmerk", "offer_date": "Datum", "valid_until": "Geldig tot",
        "contact": "Contact", "what_we_make": "Wat wij maken",
        "how_we_make_it": "Hoe", "material": "Materiaal", "per_piece": "Prijs per stuk",
        "total": "Totaal", "quantity": "Aantal", "pcs": "st.", "price": "Prijs",
        "excl_vat": "Prijzen in euro, exclusief btw.",
        "indicative": "Indicatieve prijs: die wordt vast zodra de vragen hieronder zijn "
                      "beantwoord.",
        "no_price": "Een prijs kunnen wij nog niet geven: zie wat wij van u nodig hebben.",
        "lead_time": "Levering", "lead_time_days": "Materiaal en uitbesteed werk vragen circa {days} werkdagen extra.",
        "wanted": "U vroeg om levering vóór {date}.",
        "earliest": "Vroegste levering: {date}.",
        "assumptions": "Wat wij hebben aangenomen (laat het ons weten als het anders is)",
        "assumption": "{question}: {answer}",
        "we_need": "Wat wij van u nodig hebben", "design_advice": "Advies over het ontwerp",
        "part": "Onderdeel", "parts_total": "Totaal",
        "cannot_make": "Dit onderdeel kunnen wij zoals gevraagd niet maken met onze machines.",
        "not_judged_yet": "Volgt zodra wij uw antwoorden hebben.",
        "offer_intro_fit": "Dank u voor uw aanvraag. Wij kunnen het maken zoals hieronder "
                           "beschreven.",
        "offer_intro_conditional": "Dank u voor uw aanvraag. Hieronder onze offerte tot nu "
                                   "toe; met een paar antwoorden van u wordt die vast.",
        "offer_intro_no_fit": "Dank u voor uw aanvraag. Helaas kunnen wij niet alles maken "
                              "zoals gevraagd; zie hieronder.",
        "closing": "Wij zien uw antwoorden en uw opdracht graag tegemoet.",
        "closing_order": "Wij zien uw opdracht graag tegemoet.",
        "question_for_part": "{question} (onderdeel {part})",
        "and_more": "En nog {n} vragen waarmee wij de offerte kunnen aanscherpen.",
        "csv_columns": ("soort", "onderdeel", "bewerking", "machine", "regel", "omschrijving",
                        "insteluren", "bewerkingsuren", "uren", "tarief_eur_u", "bedrag_eur",
                        "basis", "bemand", "bron"),
        "subtotal": "subtotaal", "contingency": "onvoorzien", "high_estimate": "hoge schatting",
        "form_save": "Aanvraagbestand opslaan", "form_add_part": "Onderdeel toevoegen",
        "form_remove_part": "Dit onderdeel verwijderen", "form_saved": "Opgeslagen als "
        "{name}. Stuur dit bestand per e-mail naar ons.",
        "form_missing": "Nog open (verplicht):",
        "form_choose": "– kies –", "form_yes": "ja", "form_no": "nee",
        "form_how": "Vul in wat u weet; de rest laat u open. De knop onderaan slaat een "
                    "aanvraagbestand (YAML) op uw computer op; er wordt niets verstuurd.",
        "form_preview": "Het bestand dat wordt opgeslagen",
        "form_to": "Stuur het naar",
        "form_json": "Opslaan als JSON", "form_none": "geen van deze",
    },
}


def texts(lang, base=None):
    """One language's texts (English where a language lacks one), over ``base`` if given."""
    own = collections.ChainMap(TEXTS.get(lang, TEXTS["en"]), TEXTS["en"])
    return own if base is None else collections.ChainMap(base, own)
