from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'offer.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_provider = resolve('provider')
    l_0_lang = resolve('lang')
    l_0_T = resolve('T')
    l_0_number = resolve('number')
    l_0_reference = resolve('reference')
    l_0_address = resolve('address')
    l_0_customer = resolve('customer')
    l_0_reference_text = resolve('reference_text')
    l_0_date = resolve('date')
    l_0_valid_until = resolve('valid_until')
    l_0_assumptions = resolve('assumptions')
    l_0_p = l_0_one_off_rows = missing
    try:
        t_1 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_2 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_3 = environment.filters['upper_first']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'upper_first' found.")
    pass
    l_0_p = (undefined(name='provider') if l_0_provider is missing else l_0_provider)
    context.vars['p'] = l_0_p
    context.exported_vars.add('p')
    def macro(l_1_cols):
        t_4 = []
        l_1_one_off = resolve('one_off')
        if l_1_cols is missing:
            l_1_cols = undefined("parameter 'cols' was not provided", name='cols')
        pass
        if (undefined(name='one_off') if l_1_one_off is missing else l_1_one_off):
            pass
            t_4.extend((
                '  <tbody class="one-off">\n    <tr class="head"><td colspan="',
                escape(l_1_cols),
                '">',
                escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'one_off')),
                '</td></tr>\n',
            ))
            for l_2_row in (undefined(name='one_off') if l_1_one_off is missing else l_1_one_off):
                l_2_range = resolve('range')
                _loop_vars = {}
                pass
                t_4.extend((
                    '    <tr><td>',
                    escape(environment.getattr(l_2_row, 'text')),
                ))
                if environment.getattr(l_2_row, 'for'):
                    pass
                    t_4.extend((
                        ' <span class="muted small">(',
                        escape(environment.getattr(l_2_row, 'for')),
                        ')</span>',
                    ))
                t_4.append(
                    '</td>',
                )
                for l_3__ in environment.call(context, (undefined(name='range') if l_2_range is missing else l_2_range), (l_1_cols - 2), _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    t_4.append(
                        '<td class="num empty"></td>',
                    )
                l_3__ = missing
                t_4.extend((
                    '<td class="num">',
                    escape(t_2(environment.getattr(l_2_row, 'total_eur'))),
                    '</td></tr>\n',
                ))
            l_2_row = l_2_range = missing
            t_4.append(
                '  </tbody>\n',
            )
        return concat(t_4)
    context.exported_vars.add('one_off_rows')
    context.vars['one_off_rows'] = l_0_one_off_rows = Macro(environment, macro, 'one_off_rows', ('cols',), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; font-src data:">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer'))
    yield ' '
    yield escape(((undefined(name='number') if l_0_number is missing else l_0_number) or (undefined(name='reference') if l_0_reference is missing else l_0_reference)))
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name'):
        pass
        yield ' · '
        yield escape(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name'))
    yield '</title>\n<style>\n'
    yield from context.blocks['styles'][0](context)
    yield from context.blocks['extra_styles'][0](context)
    yield '</style>\n</head>\n<body>\n<main class="sheet">\n<header class="top">\n  <div class="brand">\n'
    yield from context.blocks['logo'][0](context)
    yield '  </div>\n  <div class="sender">\n'
    for l_1_line in (undefined(name='address') if l_0_address is missing else l_0_address):
        _loop_vars = {}
        pass
        yield escape(l_1_line)
        yield '<br>'
    l_1_line = missing
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'contact'):
        pass
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'contact'))
        yield ': '
        yield escape(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'contact'))
        yield '<br>'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'phone'):
        pass
        yield escape(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'phone'))
        yield '<br>'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'email'):
        pass
        yield escape(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'email'))
        yield '<br>'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'website'):
        pass
        yield escape(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'website'))
    yield '  </div>\n</header>\n\n<h1>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer'))
    yield '</h1>\n<dl class="meta">\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer_number'))
    yield '</dt><dd>'
    yield escape((undefined(name='number') if l_0_number is missing else l_0_number))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer_for'))
    yield '</dt><dd>'
    yield escape(((undefined(name='customer') if l_0_customer is missing else l_0_customer) or '–'))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'your_reference'))
    yield '</dt><dd>'
    yield escape((((undefined(name='reference_text') if l_0_reference_text is missing else l_0_reference_text) or (undefined(name='reference') if l_0_reference is missing else l_0_reference)) or '–'))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer_date'))
    yield '</dt><dd>'
    yield escape(t_1((undefined(name='date') if l_0_date is missing else l_0_date)))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'valid_until'))
    yield '</dt><dd>'
    yield escape(t_1((undefined(name='valid_until') if l_0_valid_until is missing else l_0_valid_until)))
    yield '</dd></div>\n</dl>\n\n'
    yield from context.blocks['intro'][0](context)
    yield '\n'
    yield from context.blocks['parts'][0](context)
    yield '\n'
    yield from context.blocks['delivery'][0](context)
    yield '\n'
    yield from context.blocks['terms'][0](context)
    yield '\n'
    if (undefined(name='assumptions') if l_0_assumptions is missing else l_0_assumptions):
        pass
        yield '<h2>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'assumptions'))
        yield '</h2>\n<ul class="assumed">\n'
        for l_1_a in (undefined(name='assumptions') if l_0_assumptions is missing else l_0_assumptions):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(t_3(l_1_a))
            yield '</li>\n'
        l_1_a = missing
        yield '</ul>\n'
    yield '\n'
    yield from context.blocks['questions'][0](context)
    yield '\n'
    yield from context.blocks['advice'][0](context)
    yield '\n'
    yield from context.blocks['closing'][0](context)
    yield '</main>\n</body>\n</html>\n'

def block_styles(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield ':root { --ink: #1c2330; --muted: #5d6776; --faint: #8b94a1; --rule: #d8dde4; --soft: #f4f6f9; --accent: #24476b; }\n* { box-sizing: border-box; }\nhtml { background: #e6e9ed; }\nbody { margin: 0; padding: 24px 0; color: var(--ink); font-size: 10pt; line-height: 1.42;\n  font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;\n  -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n.sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 14mm 16mm 12mm; background: #fff;\n  box-shadow: 0 1px 4px rgba(0, 0, 0, .18); }\nheader.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; flex-wrap: wrap; }\n.brand { display: flex; gap: 10px; align-items: center; min-width: 0; }\n.brand img { max-height: 16mm; max-width: 50mm; }\n.brand .mark { display: inline-flex; align-items: center; justify-content: center; width: 38px; height: 38px;\n  border-radius: 8px; background: var(--accent); color: #fff; font-weight: 700; font-size: 13pt; flex: none; }\n.brand .name { font-weight: 700; font-size: 12pt; line-height: 1.2; overflow-wrap: anywhere; }\n.sender { text-align: right; font-size: 8.5pt; color: var(--muted); line-height: 1.35; overflow-wrap: anywhere; }\nh1 { font-size: 20pt; margin: 10mm 0 1mm; color: var(--accent); letter-spacing: .01em; }\nh2 { font-size: 10pt; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); margin: 7mm 0 2mm;\n  border-bottom: 1.5px solid var(--accent); padding-bottom: 2px; break-after: avoid; page-break-after: avoid; }\nh3 { font-size: 9.5pt; font-weight: 700; color: var(--accent); margin: 5mm 0 1mm; break-after: avoid; page-break-after: avoid; }\n.meta { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1.6fr) minmax(0, 1.15fr) minmax(0, .8fr) minmax(0, .8fr); gap: 2px 14px; padding: 6px 0;\n  border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); margin: 3mm 0 4mm; }\n.meta dt { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .05em; color: var(--faint); }\n.meta dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }\np { margin: 0 0 5px; }\n.muted { color: var(--muted); } .small { font-size: 8.5pt; } .nowrap { white-space: nowrap; }\ntable.lines { width: 100%; border-collapse: collapse; font-size: 9.5pt; }\ntable.lines th { text-align: left; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);\n  font-weight: 600; border-bottom: 1px solid var(--ink); padding: 3px 6px; }\ntable.lines td { border-bottom: 1px solid var(--rule); padding: 5px 6px; vertical-align: top; }\ntable.lines .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }\ntable.lines tbody.sum td { border-bottom: none; border-top: 1.5px solid var(--ink); font-weight: 700; font-size: 10.5pt; }\ntable.lines tr, table.lines tbody.sum { break-inside: avoid; page-break-inside: avoid; }\ntable.lines tbody.sum { break-before: avoid; page-break-before: avoid; }\ntable.lines tbody.one-off tr.head td { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);\n  font-weight: 600; padding-top: 6px; padding-bottom: 2px; }\ntable.lines tbody.one-off td { padding-top: 2px; padding-bottom: 2px; }\n.what { font-weight: 600; }\n.how { color: var(--muted); font-size: 8.8pt; display: block; }\n.note { background: var(--soft); border-radius: 5px; padding: 6px 10px; margin-top: 4px; font-size: 9pt; }\n.bad { color: #b1261d; font-weight: 600; }\nol.questions, ul.advice, ul.assumed { margin: 0; padding-left: 18px; }\nol.questions li, ul.advice li, ul.assumed li { margin: 0 0 4px; break-inside: avoid; page-break-inside: avoid; }\n.choices { display: block; font-size: 8.5pt; color: var(--muted); }\ntable.lines.schedule td { padding: 2px 6px; }\ntable.lines.schedule td:last-child { width: 100%; }\ntable.lines.schedule .how { display: inline; }\nol.questions.further { font-size: 8.8pt; }\nol.questions.further li { margin-bottom: 2px; }\ndl.terms { margin: 0; }\ndl.terms div { display: grid; grid-template-columns: 42mm minmax(0, 1fr); gap: 0 10px; padding: 2px 0;\n  break-inside: avoid; page-break-inside: avoid; }\ndl.terms dt { color: var(--muted); }\ndl.terms dd { margin: 0; overflow-wrap: anywhere; }\nfooter.closing { margin-top: 8mm; padding-top: 4px; border-top: 1px solid var(--rule); font-size: 9pt; }\n@page { size: A4; margin: 10mm 12mm 12mm;\n  @bottom-right { content: counter(page) " / " counter(pages); font-size: 7pt; color: #8b94a1;\n    font-family: "Liberation Sans", "DejaVu Sans", sans-serif; } }\n@media print {\n  html, body { background: #fff; padding: 0; }\n  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }\n  h1 { margin-top: 2mm; }\n  /* a one-part offer on one A4 page: the sections closer together on paper */\n  h2 { margin: 3mm 0 1.5mm; }\n  table.lines.schedule { font-size: 9pt; }\n  table.lines.schedule td { padding: 0 6px; border-bottom: none; }\n  footer.closing { margin-top: 1mm; }\n  /* and the lists and the terms tighter, for the terms to fit too */\n  .documents ul, .note ul { margin: .5mm 0 1mm; }\n  h2 { margin: 3mm 0 1mm; }\n  p { margin-bottom: 3px; }\n  .note { padding: 4px 10px; }\n  dl.terms { font-size: 9pt; }\n  dl.terms div { padding: 0; }\n  /* and the part lines and their one-off costs closer, for those to fit as well */\n  body { font-size: 9.6pt; }\n  h1 { font-size: 18pt; margin: 1mm 0 0; }\n  .meta { margin: 2mm 0 3mm; padding: 4px 0; }\n  table.lines td { padding: 3px 6px; }\n  table.lines tbody.one-off td { padding-top: 0; padding-bottom: 0; border-bottom: none; }\n  table.lines tbody.one-off tr.head td { padding-top: 3px; }\n  body { line-height: 1.34; }\n  ol.questions li, ul.advice li, ul.assumed li { margin-bottom: 1px; }\n  /* what we deliver with the parts on one line, as a list in a letter */\n  .documents ul { padding-left: 18px; }\n  .documents li { display: inline; }\n  .documents li + li::before { content: "; "; }\n}\n@media screen and (max-width: 220mm) {\n  body { padding: 0; }\n  .sheet { width: auto; min-height: 0; padding: 5mm; box-shadow: none; }\n}\n@media screen and (max-width: 560px) {\n  .sender { text-align: left; }\n  .meta { grid-template-columns: repeat(2, minmax(0, 1fr)); }\n  h1 { font-size: 16pt; margin-top: 5mm; }\n  table.lines thead { display: none; }\n  table.lines, table.lines tbody, table.lines tr, table.lines td { display: block; width: 100%; }\n  table.lines tr { border-bottom: 1px solid var(--rule); padding: 4px 0; }\n  table.lines td { border: none; padding: 1px 0; }\n  table.lines td.num { text-align: left; white-space: normal; }\n  table.lines td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: 8.5pt; }\n  table.lines tbody.sum td { border-top: none; }\n  table.lines tbody.sum tr { border-top: 1.5px solid var(--ink); display: flex; justify-content: space-between; }\n  table.lines tbody.sum td { width: auto; }\n  table.lines td.empty { display: none; }\n  /* a one-off cost on one line: what it is for, and its amount */\n  table.lines tbody.one-off tr { display: flex; justify-content: space-between; gap: 10px; }\n  table.lines tbody.one-off td { width: auto; }\n  table.lines tbody.one-off td.num { flex: none; }\n  table.lines.schedule td { padding: 1px 0; }\n  dl.terms div { grid-template-columns: minmax(0, 1fr); padding: 3px 0; }\n  dl.terms dt { font-size: 8.5pt; }\n}\n'

def block_extra_styles(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_logo(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_p = resolve('p')
    l_0_words = resolve('words')
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['upper']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'upper' found.")
    pass
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'logo_uri'):
        pass
        yield '    <img src="'
        yield escape(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'logo_uri'))
        yield '" alt="'
        yield escape((environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name') or ''))
        yield '">\n'
    else:
        pass
        l_0_words = environment.call(context, environment.getattr((environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name') or ''), 'split'), _block_vars=_block_vars)
        _block_vars['words'] = l_0_words
        if (undefined(name='words') if l_0_words is missing else l_0_words):
            pass
            yield '<span class="mark" aria-hidden="true">'
            yield escape(t_6(markup_join((environment.getitem((undefined(name='words') if l_0_words is missing else l_0_words), 0)[:1], (environment.getitem((undefined(name='words') if l_0_words is missing else l_0_words), 1)[:1] if (t_5((undefined(name='words') if l_0_words is missing else l_0_words)) > 1) else ''), ))))
            yield '</span>'
    yield '    <span class="name">'
    yield escape((environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name') or ''))
    yield '</span>\n'

def block_intro(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_intro = resolve('intro')
    l_0_refusals = resolve('refusals')
    pass
    yield '<p>'
    yield escape((undefined(name='intro') if l_0_intro is missing else l_0_intro))
    yield '</p>\n'
    if (undefined(name='refusals') if l_0_refusals is missing else l_0_refusals):
        pass
        yield '<ul class="refusals">\n'
        for l_1_text in (undefined(name='refusals') if l_0_refusals is missing else l_0_refusals):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(l_1_text)
            yield '</li>\n'
        l_1_text = missing
        yield '</ul>\n'

def block_parts(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_parts = resolve('parts')
    l_0_machine_time_heading = resolve('machine_time_heading')
    l_0_T = resolve('T')
    l_0_one_off_rows = resolve('one_off_rows')
    l_0_total_eur = resolve('total_eur')
    l_0_machine_time_result = resolve('machine_time_result')
    l_0_parts_heading = resolve('parts_heading')
    l_0_per_product_eur = resolve('per_product_eur')
    l_0_product_parts = resolve('product_parts')
    l_0_no_price = resolve('no_price')
    l_0_no_price_text = resolve('no_price_text')
    l_0_indicative = resolve('indicative')
    l_0_vat_note = resolve('vat_note')
    l_0_one_off = resolve('one_off')
    l_0_one_off_note = resolve('one_off_note')
    l_0_revision_note = resolve('revision_note')
    l_0_documents = resolve('documents')
    l_0_documents_heading = resolve('documents_heading')
    l_0_documents_yours = resolve('documents_yours')
    l_0_not_included = resolve('not_included')
    l_0_breaks = resolve('breaks')
    l_0_breaks_heading = resolve('breaks_heading')
    l_0_once = resolve('once')
    l_0_break_unit = resolve('break_unit')
    l_0_booked = l_0_made = l_0_notes = missing
    try:
        t_7 = environment.filters['count']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'count' found.")
    try:
        t_2 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_8 = environment.filters['hours']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'hours' found.")
    try:
        t_9 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_10 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_11 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_12 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_3 = environment.filters['upper_first']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'upper_first' found.")
    try:
        t_13 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_booked = t_10(context.eval_ctx, t_12(context, (undefined(name='parts') if l_0_parts is missing else l_0_parts), 'machine_time'))
    _block_vars['booked'] = l_0_booked
    l_0_made = t_10(context.eval_ctx, t_11(context, (undefined(name='parts') if l_0_parts is missing else l_0_parts), 'machine_time'))
    _block_vars['made'] = l_0_made
    if (undefined(name='booked') if l_0_booked is missing else l_0_booked):
        pass
        yield '<h2>'
        yield escape((undefined(name='machine_time_heading') if l_0_machine_time_heading is missing else l_0_machine_time_heading))
        yield '</h2>\n<table class="lines machine-time">\n  <thead><tr><th>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'part'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'machine'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'machine_hours'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_hour'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
        yield '</th></tr></thead>\n  <tbody>\n'
        for l_1_part in (undefined(name='booked') if l_0_booked is missing else l_0_booked):
            l_1_mt = missing
            _loop_vars = {}
            pass
            l_1_mt = environment.getattr(l_1_part, 'machine_time')
            _loop_vars['mt'] = l_1_mt
            yield '    <tr>\n      <td><span class="what">'
            yield escape((environment.getattr(l_1_part, 'name') or environment.getattr(l_1_part, 'id')))
            yield '</span>'
            if environment.getattr(l_1_part, 'name'):
                pass
                yield ' <span class="muted small">('
                yield escape(environment.getattr(l_1_part, 'id'))
                yield ')</span>'
            yield '        <span class="how">'
            yield escape(t_9(context.eval_ctx, environment.getattr(l_1_part, 'processes'), ', '))
            if environment.getattr(l_1_part, 'material'):
                pass
                yield escape((' · ' if environment.getattr(l_1_part, 'processes') else cond_expr_undefined("the inline if-expression on line 200 in 'offer.html.j2' evaluated to false and no else section was defined.")))
                yield escape(environment.getattr(l_1_part, 'material'))
            if environment.getattr(l_1_part, 'size'):
                pass
                yield ' · '
                yield escape(environment.getattr(l_1_part, 'size'))
            yield '</span>\n'
            if environment.getattr(l_1_part, 'drawing'):
                pass
                yield '<span class="how drawing">'
                yield escape(t_3(environment.getattr(l_1_part, 'drawing')))
                yield '</span>'
            if environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'ours'):
                pass
                yield '<span class="how">'
                yield escape(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'ours'))
                yield '</span>'
            if environment.getattr(l_1_part, 'pending'):
                pass
                yield '<span class="how">'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'not_judged_yet'))
                yield '</span>'
            elif environment.getattr(l_1_part, 'price_follows'):
                pass
                yield '<span class="how">'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'price_follows'))
                yield ' '
                yield escape(t_9(context.eval_ctx, environment.getattr(l_1_part, 'price_follows'), ' '))
                yield '</span>'
            yield '      </td>\n      <td data-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'machine'))
            yield '">'
            yield escape(t_9(context.eval_ctx, environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'machines'), ', '))
            yield '</td>\n      <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'machine_hours'))
            yield '">'
            if (not t_13(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'hours'))):
                pass
                yield escape(environment.call(context, environment.getattr((environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'hours_for') if (not t_13(environment.getattr(l_1_part, 'pieces'))) else environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'hours_only')), 'format'), hours=t_8(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'hours')), pieces=t_7(environment.getattr(l_1_part, 'pieces')), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td>\n      <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_hour'))
            yield '">'
            yield escape((t_2(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'per_hour_eur')) if (not t_13(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'per_hour_eur'))) else '–'))
            yield '</td>\n      <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
            yield '">'
            yield escape((t_2(environment.getattr(l_1_part, 'total_eur')) if (not t_13(environment.getattr(l_1_part, 'total_eur'))) else '–'))
            yield '</td>\n    </tr>\n'
        l_1_part = l_1_mt = missing
        yield '  </tbody>\n'
        if (not (undefined(name='made') if l_0_made is missing else l_0_made)):
            pass
            yield escape(environment.call(context, (undefined(name='one_off_rows') if l_0_one_off_rows is missing else l_0_one_off_rows), 5, _block_vars=_block_vars))
        if ((not t_13((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur))) and (not (undefined(name='made') if l_0_made is missing else l_0_made))):
            pass
            yield '  <tbody class="sum">\n    <tr><td>'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'parts_total'))
            yield '</td><td class="empty"></td><td class="num empty"></td><td class="num empty"></td><td class="num">'
            yield escape(t_2((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur)))
            yield '</td></tr>\n  </tbody>\n'
        yield '</table>\n<p class="note result">'
        yield escape((undefined(name='machine_time_result') if l_0_machine_time_result is missing else l_0_machine_time_result))
        yield '</p>\n'
    if (undefined(name='made') if l_0_made is missing else l_0_made):
        pass
        yield '<h2>'
        yield escape(((undefined(name='parts_heading') if l_0_parts_heading is missing else l_0_parts_heading) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'what_we_make')))
        yield '</h2>\n<table class="lines">\n  <thead><tr><th>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'part'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_piece'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
        yield '</th></tr></thead>\n  <tbody>\n'
        for l_1_part in (undefined(name='made') if l_0_made is missing else l_0_made):
            _loop_vars = {}
            pass
            yield '    <tr>\n      <td><span class="what">'
            yield escape((environment.getattr(l_1_part, 'name') or environment.getattr(l_1_part, 'id')))
            yield '</span>'
            if environment.getattr(l_1_part, 'name'):
                pass
                yield ' <span class="muted small">('
                yield escape(environment.getattr(l_1_part, 'id'))
                yield ')</span>'
            yield '        <span class="how">'
            yield escape(t_9(context.eval_ctx, environment.getattr(l_1_part, 'processes'), ', '))
            if environment.getattr(l_1_part, 'material'):
                pass
                yield escape((' · ' if environment.getattr(l_1_part, 'processes') else cond_expr_undefined("the inline if-expression on line 229 in 'offer.html.j2' evaluated to false and no else section was defined.")))
                yield escape(environment.getattr(l_1_part, 'material'))
            if environment.getattr(l_1_part, 'size'):
                pass
                yield ' · '
                yield escape(environment.getattr(l_1_part, 'size'))
            if environment.getattr(l_1_part, 'treatments'):
                pass
                yield ' · '
                yield escape(t_9(context.eval_ctx, environment.getattr(l_1_part, 'treatments'), ', '))
            yield '</span>\n'
            if environment.getattr(l_1_part, 'drawing'):
                pass
                yield '<span class="how drawing">'
                yield escape(t_3(environment.getattr(l_1_part, 'drawing')))
                yield '</span>'
            if environment.getattr(l_1_part, 'blocked'):
                pass
                yield '<span class="how bad">'
                yield escape(environment.getattr(l_1_part, 'cannot_make'))
                yield '</span>'
            elif environment.getattr(l_1_part, 'pending'):
                pass
                yield '<span class="how">'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'not_judged_yet'))
                yield '</span>'
            elif environment.getattr(l_1_part, 'price_follows'):
                pass
                yield '<span class="how">'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'price_follows'))
                yield ' '
                yield escape(t_9(context.eval_ctx, environment.getattr(l_1_part, 'price_follows'), ' '))
                yield '</span>'
            yield '      </td>\n      <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
            yield '">'
            if (not t_13(environment.getattr(l_1_part, 'pieces'))):
                pass
                yield escape(t_7(environment.getattr(l_1_part, 'pieces')))
                yield ' '
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'pcs'))
            else:
                pass
                yield '–'
            yield '</td>\n      <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_piece'))
            yield '">'
            yield escape((t_2(environment.getattr(l_1_part, 'per_piece_eur')) if (not t_13(environment.getattr(l_1_part, 'per_piece_eur'))) else '–'))
            yield '</td>\n      <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
            yield '">'
            yield escape((t_2(environment.getattr(l_1_part, 'total_eur')) if (not t_13(environment.getattr(l_1_part, 'total_eur'))) else '–'))
            yield '</td>\n    </tr>\n'
        l_1_part = missing
        yield '  </tbody>\n'
        yield escape(environment.call(context, (undefined(name='one_off_rows') if l_0_one_off_rows is missing else l_0_one_off_rows), 4, _block_vars=_block_vars))
        yield '\n'
        if (not t_13((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur))):
            pass
            yield '  <tbody class="sum">\n    <tr><td>'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'parts_total'))
            yield '</td><td class="num empty"></td><td class="num empty"></td><td class="num">'
            yield escape(t_2((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur)))
            yield '</td></tr>\n'
            if (not t_13((undefined(name='per_product_eur') if l_0_per_product_eur is missing else l_0_per_product_eur))):
                pass
                yield '    <tr class="per-product"><td>'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_product'))
                yield ' ('
                yield escape((undefined(name='product_parts') if l_0_product_parts is missing else l_0_product_parts))
                yield ')</td><td class="num empty"></td><td class="num empty"></td><td class="num">'
                yield escape(t_2((undefined(name='per_product_eur') if l_0_per_product_eur is missing else l_0_per_product_eur)))
                yield '</td></tr>\n'
            yield '  </tbody>\n'
        yield '</table>\n'
    if (undefined(name='no_price') if l_0_no_price is missing else l_0_no_price):
        pass
        yield '<p class="note">'
        yield escape(((undefined(name='no_price_text') if l_0_no_price_text is missing else l_0_no_price_text) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'no_price')))
        yield '</p>\n'
    elif ((undefined(name='indicative') if l_0_indicative is missing else l_0_indicative) and (not t_13((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur)))):
        pass
        yield '<p class="note">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'indicative'))
        yield '</p>'
    l_0_notes = ((([environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'excl_vat')] if (undefined(name='vat_note') if l_0_vat_note is missing else l_0_vat_note) else []) + ([((undefined(name='one_off_note') if l_0_one_off_note is missing else l_0_one_off_note) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'one_off_note'))] if (undefined(name='one_off') if l_0_one_off is missing else l_0_one_off) else [])) + ([(undefined(name='revision_note') if l_0_revision_note is missing else l_0_revision_note)] if (undefined(name='revision_note') if l_0_revision_note is missing else l_0_revision_note) else []))
    _block_vars['notes'] = l_0_notes
    if (undefined(name='notes') if l_0_notes is missing else l_0_notes):
        pass
        yield '<p class="small muted">'
        yield escape(t_9(context.eval_ctx, (undefined(name='notes') if l_0_notes is missing else l_0_notes), ' '))
        yield '</p>'
    if (undefined(name='documents') if l_0_documents is missing else l_0_documents):
        pass
        yield '<div class="documents">\n  <p><strong>'
        yield escape((undefined(name='documents_heading') if l_0_documents_heading is missing else l_0_documents_heading))
        yield ':</strong></p>\n  <ul>\n'
        for l_1_text in (undefined(name='documents') if l_0_documents is missing else l_0_documents):
            _loop_vars = {}
            pass
            yield '    <li>'
            yield escape(l_1_text)
            yield '</li>\n'
        l_1_text = missing
        yield '  </ul>\n</div>\n'
    if (undefined(name='documents_yours') if l_0_documents_yours is missing else l_0_documents_yours):
        pass
        yield '<div class="documents yours">\n  <p><strong>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'documents_yours'))
        yield ':</strong></p>\n  <ul>\n'
        for l_1_text in (undefined(name='documents_yours') if l_0_documents_yours is missing else l_0_documents_yours):
            _loop_vars = {}
            pass
            yield '    <li>'
            yield escape(l_1_text)
            yield '</li>\n'
        l_1_text = missing
        yield '  </ul>\n  <p>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'documents_measuring'))
        yield '</p>\n</div>\n'
    if (undefined(name='not_included') if l_0_not_included is missing else l_0_not_included):
        pass
        yield '<div class="note">\n  <p><strong>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'not_included'))
        yield ':</strong></p>\n  <ul>\n'
        for l_1_text in (undefined(name='not_included') if l_0_not_included is missing else l_0_not_included):
            _loop_vars = {}
            pass
            yield '    <li>'
            yield escape(l_1_text)
            yield '</li>\n'
        l_1_text = missing
        yield '  </ul>\n</div>\n'
    if (undefined(name='breaks') if l_0_breaks is missing else l_0_breaks):
        pass
        yield '<h3>'
        yield escape(((undefined(name='breaks_heading') if l_0_breaks_heading is missing else l_0_breaks_heading) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'breaks')))
        yield '</h3>\n<table class="lines breaks">\n'
        l_0_once = t_10(context.eval_ctx, t_12(context, (undefined(name='breaks') if l_0_breaks is missing else l_0_breaks), 'one_off_eur'))
        _block_vars['once'] = l_0_once
        yield '  <thead><tr><th>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
        yield '</th><th class="num">'
        yield escape((undefined(name='break_unit') if l_0_break_unit is missing else l_0_break_unit))
        yield '</th>'
        if (undefined(name='once') if l_0_once is missing else l_0_once):
            pass
            yield '<th class="num">'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'break_one_off'))
            yield '</th>'
        yield '<th class="num">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'break_delivery'))
        yield '</th></tr></thead>\n  <tbody>\n'
        for l_1_b in (undefined(name='breaks') if l_0_breaks is missing else l_0_breaks):
            _loop_vars = {}
            pass
            if (not t_13(environment.getattr(l_1_b, 'total_eur'))):
                pass
                yield '    <tr><td data-label="'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
                yield '">'
                yield escape(t_7(environment.getattr(l_1_b, 'quantity')))
                yield '</td><td class="num" data-label="'
                yield escape((undefined(name='break_unit') if l_0_break_unit is missing else l_0_break_unit))
                yield '">'
                yield escape(t_2(environment.getattr(l_1_b, 'per_piece_eur')))
                yield '</td>'
                if (undefined(name='once') if l_0_once is missing else l_0_once):
                    pass
                    yield '<td class="num" data-label="'
                    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'break_one_off'))
                    yield '">'
                    yield escape((t_2(environment.getattr(l_1_b, 'one_off_eur')) if environment.getattr(l_1_b, 'one_off_eur') else '–'))
                    yield '</td>'
                yield '<td class="num" data-label="'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
                yield '">'
                yield escape(t_2(environment.getattr(l_1_b, 'total_eur')))
                yield '</td><td data-label="'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'break_delivery'))
                yield '">'
                yield escape(environment.getattr(l_1_b, 'delivery'))
                yield '</td></tr>\n'
            else:
                pass
                yield '    <tr><td data-label="'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
                yield '">'
                yield escape(t_7(environment.getattr(l_1_b, 'quantity')))
                yield '</td><td colspan="'
                yield escape((4 if (undefined(name='once') if l_0_once is missing else l_0_once) else 3))
                yield '" data-label="'
                yield escape((undefined(name='break_unit') if l_0_break_unit is missing else l_0_break_unit))
                yield '">'
                yield escape(environment.getattr(l_1_b, 'on_request'))
                yield '</td></tr>\n'
        l_1_b = missing
        yield '  </tbody>\n</table>\n'

def block_delivery(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_nothing_made = resolve('nothing_made')
    l_0_refusals = resolve('refusals')
    l_0_lead_time_heading = resolve('lead_time_heading')
    l_0_T = resolve('T')
    l_0_delivery_groups = resolve('delivery_groups')
    l_0_schedule = resolve('schedule')
    try:
        t_1 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_9 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_14 = environment.filters['unbroken_dates']
    except KeyError:
        @internalcode
        def t_14(*unused):
            raise TemplateRuntimeError("No filter named 'unbroken_dates' found.")
    try:
        t_15 = environment.tests['false']
    except KeyError:
        @internalcode
        def t_15(*unused):
            raise TemplateRuntimeError("No test named 'false' found.")
    pass
    if ((not (undefined(name='nothing_made') if l_0_nothing_made is missing else l_0_nothing_made)) and (not (undefined(name='refusals') if l_0_refusals is missing else l_0_refusals))):
        pass
        yield '<h2>'
        yield escape(((undefined(name='lead_time_heading') if l_0_lead_time_heading is missing else l_0_lead_time_heading) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'lead_time')))
        yield '</h2>\n'
        l_1_loop = missing
        for l_1_group, l_1_loop in LoopContext((undefined(name='delivery_groups') if l_0_delivery_groups is missing else l_0_delivery_groups), undefined):
            l_1_wanted = resolve('wanted')
            l_1_say_wanted = resolve('say_wanted')
            _loop_vars = {}
            pass
            yield '<p>'
            if environment.getattr(l_1_group, 'label'):
                pass
                yield '<strong>'
                yield escape(environment.getattr(l_1_group, 'label'))
                yield '</strong> '
            if ((environment.getattr(l_1_loop, 'first') and (undefined(name='wanted') if l_1_wanted is missing else l_1_wanted)) and (not t_15((undefined(name='say_wanted') if l_1_say_wanted is missing else l_1_say_wanted)))):
                pass
                yield escape(t_14(environment.call(context, environment.getattr(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'wanted'), 'format'), date=t_1((undefined(name='wanted') if l_1_wanted is missing else l_1_wanted)), _loop_vars=_loop_vars)))
                yield ' '
            yield escape(t_14(t_9(context.eval_ctx, environment.getattr(l_1_group, 'sentences'), ' ')))
            yield '</p>\n'
        l_1_loop = l_1_group = l_1_wanted = l_1_say_wanted = missing
        if (undefined(name='schedule') if l_0_schedule is missing else l_0_schedule):
            pass
            yield '<table class="lines schedule" aria-label="'
            yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'schedule'))
            yield '">\n  <tbody>\n'
            for l_1_r in (undefined(name='schedule') if l_0_schedule is missing else l_0_schedule):
                _loop_vars = {}
                pass
                yield '    <tr><td class="nowrap">'
                yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'schedule_delivery'))
                yield ' '
                yield escape(environment.getattr(l_1_r, 'delivery'))
                yield '</td><td class="nowrap">'
                yield escape((environment.getattr(l_1_r, 'quantity_text') or '–'))
                yield '</td><td><span class="nowrap">'
                yield escape(environment.getattr(l_1_r, 'when'))
                yield '</span>'
                if environment.getattr(l_1_r, 'note'):
                    pass
                    yield ' <span class="how">('
                    yield escape(t_14(environment.getattr(l_1_r, 'note')))
                    yield ')</span>'
                yield '</td></tr>\n'
            l_1_r = missing
            yield '  </tbody>\n</table>\n'

def block_terms(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_terms = resolve('terms')
    l_0_terms_heading = resolve('terms_heading')
    pass
    if (undefined(name='terms') if l_0_terms is missing else l_0_terms):
        pass
        yield '<h2>'
        yield escape((undefined(name='terms_heading') if l_0_terms_heading is missing else l_0_terms_heading))
        yield '</h2>\n<dl class="terms">\n'
        for l_1_term in (undefined(name='terms') if l_0_terms is missing else l_0_terms):
            _loop_vars = {}
            pass
            yield '  <div><dt>'
            yield escape(environment.getattr(l_1_term, 'label'))
            yield '</dt><dd>'
            yield escape(environment.getattr(l_1_term, 'text'))
            yield '</dd></div>\n'
        l_1_term = missing
        yield '</dl>\n'

def block_questions(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_questions = resolve('questions')
    l_0_T = resolve('T')
    l_0_further_questions = resolve('further_questions')
    l_0_further_questions_text = resolve('further_questions_text')
    l_0_more_questions = resolve('more_questions')
    l_0_more_questions_text = resolve('more_questions_text')
    try:
        t_9 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if (undefined(name='questions') if l_0_questions is missing else l_0_questions):
        pass
        yield '<h2>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'we_need'))
        yield '</h2>\n<ol class="questions">\n'
        for l_1_q in (undefined(name='questions') if l_0_questions is missing else l_0_questions):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(environment.getattr(l_1_q, 'text'))
            if environment.getattr(l_1_q, 'choices'):
                pass
                yield '<span class="choices">'
                yield escape(t_9(context.eval_ctx, environment.getattr(l_1_q, 'choices'), ' · '))
                yield '</span>'
            yield '</li>\n'
        l_1_q = missing
        yield '</ol>\n'
        if (undefined(name='further_questions') if l_0_further_questions is missing else l_0_further_questions):
            pass
            yield '<p class="small muted">'
            yield escape((undefined(name='further_questions_text') if l_0_further_questions_text is missing else l_0_further_questions_text))
            yield '</p>\n<ol class="questions further" start="'
            yield escape((t_5((undefined(name='questions') if l_0_questions is missing else l_0_questions)) + 1))
            yield '">\n'
            for l_1_q in (undefined(name='further_questions') if l_0_further_questions is missing else l_0_further_questions):
                _loop_vars = {}
                pass
                yield '  <li>'
                yield escape(environment.getattr(l_1_q, 'text'))
                if environment.getattr(l_1_q, 'choices'):
                    pass
                    yield ' <span class="muted">('
                    yield escape(t_9(context.eval_ctx, environment.getattr(l_1_q, 'choices'), ' · '))
                    yield ')</span>'
                yield '</li>\n'
            l_1_q = missing
            yield '</ol>\n'
        elif (undefined(name='more_questions') if l_0_more_questions is missing else l_0_more_questions):
            pass
            yield '<p class="small muted">'
            yield escape((undefined(name='more_questions_text') if l_0_more_questions_text is missing else l_0_more_questions_text))
            yield '</p>'

def block_advice(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_advice = resolve('advice')
    l_0_T = resolve('T')
    pass
    if (undefined(name='advice') if l_0_advice is missing else l_0_advice):
        pass
        yield '<h2>'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'design_advice'))
        yield '</h2>\n<ul class="advice">\n'
        for l_1_a in (undefined(name='advice') if l_0_advice is missing else l_0_advice):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(l_1_a)
            yield '</li>\n'
        l_1_a = missing
        yield '</ul>\n'

def block_closing(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_closing = resolve('closing')
    l_0_questions = resolve('questions')
    l_0_T = resolve('T')
    l_0_p = resolve('p')
    pass
    yield '<footer class="closing">\n  <p>'
    yield escape(((undefined(name='closing') if l_0_closing is missing else l_0_closing) or (environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'closing') if (undefined(name='questions') if l_0_questions is missing else l_0_questions) else environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'closing_order'))))
    yield '</p>\n  <p><b>'
    yield escape((environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name') or ''))
    yield '</b>'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'contact'):
        pass
        yield ' · '
        yield escape(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'contact'))
    yield '</p>\n</footer>\n'

blocks = {'styles': block_styles, 'extra_styles': block_extra_styles, 'logo': block_logo, 'intro': block_intro, 'parts': block_parts, 'delivery': block_delivery, 'terms': block_terms, 'questions': block_questions, 'advice': block_advice, 'closing': block_closing}
debug_info = '7=41&9=44&10=50&12=54&13=59&14=65&20=97&25=99&27=107&142=108&149=110&160=112&161=118&162=124&163=128&164=132&168=136&170=138&171=142&172=146&173=150&174=154&177=158&188=160&303=162&321=164&332=166&333=169&335=171&336=175&341=180&360=182&369=184&27=187&142=197&149=206&150=228&151=231&153=237&154=239&156=245&177=248&178=259&179=261&181=264&182=268&188=273&189=360&190=362&191=364&192=367&194=369&196=379&197=383&199=386&200=394&201=404&202=409&203=414&205=427&206=431&207=440&208=444&212=450&213=453&215=456&219=461&221=463&222=466&224=468&226=476&228=480&229=488&230=502&231=507&233=525&234=536&235=540&239=546&240=548&242=551&243=555&244=558&250=566&251=571&252=576&253=578&254=583&256=586&258=588&259=592&264=596&266=599&268=601&269=605&272=609&275=611&277=614&279=616&280=620&285=624&286=627&288=629&289=632&291=646&292=649&293=652&295=679&303=692&304=730&305=733&306=736&307=742&309=754&310=757&312=759&313=763&321=780&322=790&323=793&325=795&326=799&341=806&342=832&343=835&345=837&346=841&349=850&350=853&351=855&352=857&353=861&356=870&360=876&361=886&362=889&364=891&369=900&371=913&372=915'