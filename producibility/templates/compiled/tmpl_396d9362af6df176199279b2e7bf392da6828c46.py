from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_lang = resolve('lang')
    l_0_paper = resolve('paper')
    l_0_q = l_0_e = l_0_m = l_0_inputs = l_0_provider = missing
    pass
    l_0_q = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'request')
    context.vars['q'] = l_0_q
    context.exported_vars.add('q')
    l_0_e = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'effort')
    context.vars['e'] = l_0_e
    context.exported_vars.add('e')
    l_0_m = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'mrl')
    context.vars['m'] = l_0_m
    context.exported_vars.add('m')
    l_0_inputs = (environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'inputs') or {})
    context.vars['inputs'] = l_0_inputs
    context.exported_vars.add('inputs')
    l_0_provider = (environment.call(context, environment.getattr((environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'equipment') or {}), 'get'), 'provider') or '')
    context.vars['provider'] = l_0_provider
    context.exported_vars.add('provider')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; font-src data:">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="'
    yield escape(environment.call(context, environment.getattr((environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'tool') or {}), 'get'), 'name', 'producibility'))
    yield ' '
    yield escape(environment.call(context, environment.getattr((environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'tool') or {}), 'get'), 'version', ''))
    yield '">\n<title>'
    yield from context.blocks['title'][0](context)
    yield '</title>\n<style>\n'
    yield from context.blocks['styles'][0](context)
    yield from context.blocks['extra_styles'][0](context)
    yield '</style>\n</head>\n<body'
    if (undefined(name='paper') if l_0_paper is missing else l_0_paper):
        pass
        yield ' class="paper"'
    yield '>\n<main class="sheet">\n'
    yield from context.blocks['header'][0](context)
    yield '\n'
    yield from context.blocks['verdict'][0](context)
    yield '\n'
    yield from context.blocks['figures'][0](context)
    yield '\n<div class="pair">\n'
    yield from context.blocks['mrl'][0](context)
    yield '\n'
    yield from context.blocks['heat_map'][0](context)
    yield '</div>\n\n'
    yield from context.blocks['questions'][0](context)
    yield '\n'
    yield from context.blocks['risks'][0](context)
    yield '\n'
    yield from context.blocks['other_findings'][0](context)
    yield '\n'
    yield from context.blocks['assignments'][0](context)
    yield '\n'
    yield from context.blocks['quote'][0](context)
    yield '\n'
    yield from context.blocks['trace'][0](context)
    yield '\n'
    yield from context.blocks['footer'][0](context)
    yield '</main>\n</body>\n</html>\n'

def block_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_q = resolve('q')
    l_0_r = resolve('r')
    pass
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'title'))
    yield ' '
    yield escape((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'id') or ''))
    yield ': '
    yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')))

def block_styles(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    pass
    yield ':root {\n  --ink: #1c2330; --muted: #5d6776; --faint: #8b94a1; --rule: #d8dde4; --soft: #f4f6f9;\n  --accent: #24476b;\n  --low: #cfe8d6; --low-ink: #1d5a2f; --low-pale: #edf6f0;\n  --moderate: #fde1a0; --moderate-ink: #6e4a00; --moderate-pale: #fff6e0;\n  --high: #f5b1aa; --high-ink: #861c16; --high-pale: #fde8e6;\n  --unknown-pale: #f1f3f5;\n  --fit: #1f7a3d; --fit-bg: #e9f5ed;\n  --fit_with_effort: #0e6673; --fit_with_effort-bg: #e5f2f4;\n  --conditional: #a35a00; --conditional-bg: #fff3df;\n  --no_fit: #b1261d; --no_fit-bg: #fdebe9;\n}\n* { box-sizing: border-box; }\nhtml { background: #e6e9ed; }\nbody {\n  margin: 0; padding: 24px 0; color: var(--ink);\n  font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;\n  font-size: 10pt; line-height: 1.38;\n  -webkit-print-color-adjust: exact; print-color-adjust: exact;\n}\n.sheet {\n  width: 210mm; min-height: 297mm; margin: 0 auto; padding: 13mm 14mm 12mm;\n  background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .18);\n}\nh1, h2, h3 { margin: 0; font-weight: 600; }\nh2 {\n  font-size: 10.5pt; text-transform: uppercase; letter-spacing: .06em; color: var(--accent);\n  border-bottom: 1.5px solid var(--accent); padding-bottom: 2px; margin: 15px 0 7px;\n  break-after: avoid; page-break-after: avoid;\n}\nh2 .count { color: var(--faint); font-weight: 400; letter-spacing: 0; text-transform: none; }\np { margin: 0 0 6px; }\ncode, .code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8.5pt; }\n.muted { color: var(--muted); }\n.small { font-size: 8.5pt; }\n.nowrap { white-space: nowrap; }\n.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n\n/* masthead */\n.masthead { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; }\n.logo { display: flex; align-items: center; gap: 9px; min-height: 34px; }\n.logo .mark {\n  display: inline-flex; align-items: center; justify-content: center; width: 34px; height: 34px;\n  border-radius: 7px; background: var(--accent); color: #fff; font-weight: 700; font-size: 12pt;\n  letter-spacing: .02em;\n}\n.logo .provider { font-weight: 600; font-size: 10.5pt; max-width: 80mm; line-height: 1.2; }\n.doc { text-align: right; }\n.doc h1 { font-size: 15pt; letter-spacing: .01em; }\n.doc .doc-id { font-size: 10pt; color: var(--muted); }\n.meta {\n  display: grid; grid-template-columns: repeat(6, auto); gap: 2px 14px; margin: 10px 0 0;\n  padding: 7px 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule);\n}\n.meta div { min-width: 0; }\n.meta dt { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .05em; color: var(--faint); }\n.meta dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }\n\n/* verdict banner */\n.verdict {\n  margin: 12px 0 0; border-radius: 6px; padding: 10px 14px 10px 14px;\n  border-left: 7px solid var(--v); background: var(--v-bg);\n  break-inside: avoid; page-break-inside: avoid;\n}\n.verdict-fit { --v: var(--fit); --v-bg: var(--fit-bg); }\n.verdict-fit_with_effort { --v: var(--fit_with_effort); --v-bg: var(--fit_with_effort-bg); }\n.verdict-conditional { --v: var(--conditional); --v-bg: var(--conditional-bg); }\n.verdict-no_fit { --v: var(--no_fit); --v-bg: var(--no_fit-bg); }\n.verdict .label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }\n.verdict .word { font-size: 19pt; font-weight: 700; color: var(--v); letter-spacing: .02em; line-height: 1.15; }\n.verdict .help { margin: 1px 0 5px; }\n.verdict ul { margin: 0; padding-left: 17px; }\n.verdict li { margin: 1px 0; }\n.verdict li::marker { color: var(--v); }\n\n/* key figures */\n.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin-top: 10px;\n  break-inside: avoid; page-break-inside: avoid; }\n.card { border: 1px solid var(--rule); border-radius: 6px; padding: 7px 10px; background: #fff; }\n.card .k { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .05em; color: var(--faint); }\n.card .v { font-size: 14pt; font-weight: 700; line-height: 1.2; white-space: nowrap; }\n.card .v small { font-size: 9pt; font-weight: 400; color: var(--muted); }\n.card .d { font-size: 8pt; color: var(--muted); line-height: 1.3; margin-top: 2px; }\n.card.warn .v { color: var(--no_fit); }\n\n/* MRL and heat map side by side */\n.pair { display: grid; grid-template-columns: 1.2fr 1fr; gap: 16px; break-inside: avoid; page-break-inside: avoid; }\n.mrl-row { display: grid; grid-template-columns: 42mm 1fr 7mm; align-items: center; gap: 6px; margin: 3.5px 0; }\n.mrl-row .t { font-size: 8.5pt; line-height: 1.15; }\n.mrl-row .t small { display: block; color: var(--faint); font-size: 7pt; }\n.mrl-row .n { text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }\n.mrl-row.below .n { color: var(--no_fit); }\n.track {\n  position: relative; height: 11px; border-radius: 2px; background-color: #eef1f4;\n  background-image: repeating-linear-gradient(90deg, transparent 0, transparent calc(10% - 1px), #fff calc(10% - 1px), #fff 10%);\n}\n.fill { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 2px 0 0 2px; background: #5aa872; }\n.mrl-row.capped .fill { background: #8fb9d6; }\n.mrl-row.below .fill { background: #e0795f; }\n.target { position: absolute; top: -3px; bottom: -3px; width: 0; border-left: 2px solid var(--ink); }\n.scale { display: grid; grid-template-columns: 42mm 1fr 7mm; gap: 6px; font-size: 7pt; color: var(--faint); }\n.scale .ticks { display: grid; grid-template-columns: repeat(10, 1fr); text-align: center; }\n.scale .tgt { color: var(--ink); font-weight: 700; }\n.overall { display: flex; gap: 14px; align-items: baseline; margin: 0 0 5px; font-size: 9pt; }\n.overall b { font-size: 12pt; }\n.legend { font-size: 7.5pt; color: var(--muted); margin-top: 5px; line-height: 1.3; }\n\n.heat-wrap { display: grid; grid-template-columns: 14px 1fr; gap: 2px; }\n.axis-y { writing-mode: vertical-rl; transform: rotate(180deg); text-align: center;\n  font-size: 7.5pt; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }\n.axis-x { text-align: center; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-top: 1px; }\ntable.heat { border-collapse: separate; border-spacing: 2px; width: 100%; table-layout: fixed; }\ntable.heat th { font-size: 7.5pt; color: var(--muted); font-weight: 600; text-align: center; }\ntable.heat th.row { width: 12px; }\ntable.heat td {\n  height: 11mm; text-align: center; vertical-align: middle; border-radius: 3px;\n  font-size: 7pt; line-height: 1.1; padding: 1px; overflow-wrap: anywhere;\n}\ntable.heat td .c { display: block; font-size: 11pt; font-weight: 700; }\ntd.lv-low { background: var(--low-pale); } td.lv-moderate { background: var(--moderate-pale); }\ntd.lv-high { background: var(--high-pale); } td.lv-none { background: var(--unknown-pale); }\ntd.hit.lv-low { background: var(--low); color: var(--low-ink); }\ntd.hit.lv-moderate { background: var(--moderate); color: var(--moderate-ink); }\ntd.hit.lv-high { background: var(--high); color: var(--high-ink); }\ntd.hit.lv-none { background: #d5dae0; }\ntd.hit { box-shadow: inset 0 0 0 1.5px rgba(0, 0, 0, .25); }\n.swatches { display: flex; gap: 10px; margin-top: 4px; font-size: 7.5pt; color: var(--muted); }\n.swatch { display: inline-block; width: 9px; height: 9px; border-radius: 2px; vertical-align: -1px; margin-right: 3px; }\n\n/* tables */\ntable.grid { width: 100%; border-collapse: collapse; font-size: 8.8pt; }\ntable.grid th {\n  text-align: left; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em;\n  color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--ink); padding: 3px 5px;\n}\ntable.grid th.num { text-align: right; width: 1%; }\ntable.grid td { border-bottom: 1px solid var(--rule); padding: 4px 5px; vertical-align: top; }\ntable.grid tr { break-inside: avoid; page-break-inside: avoid; }\ntable.grid thead { display: table-header-group; }\ntable.grid tbody.totals td { border-bottom: none; font-weight: 600; }\ntable.grid tbody.totals tr.first td { border-top: 1px solid var(--ink); }\ntable.grid tbody.totals tr.grand td { font-size: 9.5pt; }\ntable.grid tbody.totals { break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }\ntable.grid td { overflow-wrap: break-word; }\n.ids { overflow-wrap: anywhere; }\n.what-if { font-size: 8pt; }\n.v-no_fit { color: var(--no_fit); font-weight: 700; } .v-conditional { color: var(--conditional); font-weight: 700; }\n.v-fit, .v-fit_with_effort { color: var(--fit); font-weight: 700; }\ntable.grid td.sub { padding-top: 1px; padding-bottom: 3px; color: var(--muted); font-size: 8pt; }\ntr.has-sub td { border-bottom: none; }\n.id { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8pt; white-space: nowrap; }\n.sub-line { display: block; }\n.x { color: var(--no_fit); font-weight: 700; }\n\n.chip {\n  display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 7.5pt; font-weight: 600;\n  white-space: nowrap; line-height: 1.55; background: var(--soft); color: var(--muted);\n}\n.chip.low { background: var(--low); color: var(--low-ink); }\n.chip.moderate { background: var(--moderate); color: var(--moderate-ink); }\n.chip.high { background: var(--high); color: var(--high-ink); }\n.chip.blocker, .chip.bad { background: var(--no_fit); color: #fff; }\n.chip.question, .chip.engine_error, .chip.decisive { background: var(--conditional-bg); color: var(--conditional); }\n.chip.effort { background: var(--fit_with_effort-bg); color: var(--fit_with_effort); }\n.chip.marginal { background: var(--moderate-pale); color: var(--moderate-ink); }\n.field { color: var(--faint); margin-left: 4px; }\n.lc { display: block; font-size: 7pt; color: var(--faint); margin-top: 1px; }\n.empty { color: var(--muted); font-style: italic; }\n\n/* trace */\ndetails { border-bottom: 1px solid var(--rule); padding: 2px 0; break-inside: avoid; page-break-inside: avoid; }\nsummary { cursor: pointer; font-size: 8.8pt; }\nsummary .id { margin-right: 5px; }\n.trace-body { display: grid; grid-template-columns: 24mm 1fr; gap: 2px 8px; margin: 4px 0 6px 14px; font-size: 8.5pt; }\n.trace-body dt { color: var(--muted); }\n.trace-body dd { margin: 0; overflow-wrap: anywhere; }\n.trace-body table { border-collapse: collapse; }\n.trace-body td { padding: 0 8px 0 0; vertical-align: top; }\n\nfooter.inputs {\n  margin-top: 16px; padding-top: 6px; border-top: 1px solid var(--rule); color: var(--muted);\n  font-size: 7.5pt; line-height: 1.45; break-inside: avoid; page-break-inside: avoid;\n}\nfooter.inputs { display: flex; flex-wrap: wrap; gap: 0 10px; }\nfooter.inputs span { white-space: nowrap; max-width: 100%; overflow-wrap: anywhere; }\n\n@page {\n  size: A4; margin: 12mm 12mm 14mm;\n  @bottom-right { content: "'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'page'))
    yield ' " counter(page) " / " counter(pages); font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 7pt; color: #8b94a1; }\n}\n@media print {\n  html, body { background: #fff; padding: 0; }\n  body { font-size: 8.6pt; line-height: 1.32; }\n  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }\n  h2 { margin: 11px 0 5px; font-size: 9.5pt; }\n  .verdict { padding: 7px 12px; margin-top: 9px; }\n  .verdict .word { font-size: 16pt; }\n  .figures { margin-top: 8px; }\n  .card { padding: 5px 9px; }\n  .card .v { font-size: 12.5pt; }\n  .mrl-row { margin: 2.5px 0; }\n  table.heat td { height: 7.6mm; }\n  table.heat td .c { font-size: 10pt; }\n  .legend { margin-top: 3px; }\n  table.grid { font-size: 8.2pt; }\n  table.grid td { padding: 3px 5px; }\n  .trace-list { columns: 2; column-gap: 8mm; }\n  #trace:not(.paper) { display: none; }  /* folded markers on paper say nothing: the PDF prints it open */\n  #trace.paper .trace-list { columns: 1; }\n  #trace.paper details { break-inside: avoid; }\n  #trace.paper .trace-body { grid-template-columns: 22mm 1fr; font-size: 7.5pt; }\n  #trace.paper code { font-size: 7pt; }\n  /* WeasyPrint has no vertical writing mode: the likelihood axis named beside the other */\n  body.paper .heat-wrap { grid-template-columns: 1fr; }\n  body.paper .axis-y { display: none; }\n  body.paper .axis-x::before { content: attr(data-y) " "; }\n  footer.inputs { margin-top: 10px; }\n  summary { list-style: none; }\n  summary::-webkit-details-marker { display: none; }\n  summary::before { content: "\\25B8\\00a0"; color: var(--faint); }\n  details[open] summary::before { content: "\\25BE\\00a0"; }\n}\n@media screen and (max-width: 220mm) {\n  body { padding: 0; }\n  .sheet { width: auto; min-height: 0; padding: 6mm; box-shadow: none; }\n  .figures, .pair { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }\n  .meta { grid-template-columns: repeat(3, minmax(0, 1fr)); }\n}\n/* a phone: one column, tables as cards, the heat map with counts only */\n@media screen and (max-width: 640px) {\n  .sheet { padding: 4mm; }\n  .masthead { flex-wrap: wrap; }\n  .doc { text-align: left; }\n  .pair { grid-template-columns: minmax(0, 1fr); }\n  .figures { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }\n  .meta { grid-template-columns: repeat(2, minmax(0, 1fr)); }\n  .card .v { white-space: normal; }\n  .mrl-row, .scale { grid-template-columns: 34% minmax(0, 1fr) 7mm; }\n  table.heat td { height: 10mm; }\n  table.heat .cell-ids { display: none; }\n  table.grid thead { display: none; }\n  table.grid, table.grid tbody, table.grid tr, table.grid td { display: block; width: 100% !important; }\n  table.grid tr { border-bottom: 1px solid var(--rule); padding: 4px 0; }\n  table.grid td { border: none; padding: 1px 0; }\n  table.grid td.num { text-align: left; white-space: normal; }\n  table.grid td:nth-child(-n+2):not([colspan]) { display: inline-block; width: auto !important;\n    margin-right: 8px; vertical-align: top; }\n  table.grid td .lc { display: inline; margin-left: 4px; }\n  table.grid td:empty, table.grid td.blank { display: none; }\n  table.grid td[data-label]::before { content: attr(data-label) ": "; color: var(--faint); font-size: 7.5pt;\n    text-transform: uppercase; letter-spacing: .04em; }\n  table.grid td.sub { padding-left: 0; }\n  .trace-body { grid-template-columns: minmax(0, 1fr); margin-left: 4px; }\n  footer.inputs span { white-space: normal; display: block; }\n  .id { white-space: normal; overflow-wrap: anywhere; }\n}\n'

def block_extra_styles(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_q = resolve('q')
    l_0_purpose_name = resolve('purpose_name')
    l_0_inputs = resolve('inputs')
    try:
        t_1 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<header class="masthead">\n  <div class="logo">\n'
    yield from context.blocks['logo'][0](context)
    yield '  </div>\n  <div class="doc">\n    <h1>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'title'))
    yield '</h1>\n    <div class="doc-id">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'request'))
    yield ' <b>'
    yield escape((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'id') or '?'))
    yield '</b></div>\n  </div>\n</header>\n<dl class="meta">\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'customer'))
    yield '</dt><dd>'
    yield escape((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'customer') or '–'))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'purpose'))
    yield '</dt><dd>'
    yield escape((environment.call(context, (undefined(name='purpose_name') if l_0_purpose_name is missing else l_0_purpose_name), environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'purpose'), _block_vars=_block_vars) or environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'unknown')))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'quantity'))
    yield '</dt><dd>'
    yield escape((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'quantity') if (not t_2(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'quantity'))) else '?'))
    yield ' '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'pcs'))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'parts'))
    yield '</dt><dd>'
    yield escape(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'parts'))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'wanted_date'))
    yield '</dt><dd class="nowrap">'
    yield escape((t_1(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'wanted_date')) or '–'))
    yield '</dd></div>\n  <div><dt>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'as_of'))
    yield '</dt><dd class="nowrap">'
    yield escape((t_1(environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'as_of', _block_vars=_block_vars)) or '–'))
    yield '</dd></div>\n</dl>\n'

def block_logo(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_provider = resolve('provider')
    l_0_words = missing
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['upper']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'upper' found.")
    pass
    l_0_words = environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'split'), _block_vars=_block_vars)
    _block_vars['words'] = l_0_words
    if (undefined(name='words') if l_0_words is missing else l_0_words):
        pass
        yield '    <span class="mark" aria-hidden="true">'
        yield escape(t_4(markup_join((environment.getitem((undefined(name='words') if l_0_words is missing else l_0_words), 0)[:1], (environment.getitem((undefined(name='words') if l_0_words is missing else l_0_words), 1)[:1] if (t_3((undefined(name='words') if l_0_words is missing else l_0_words)) > 1) else ''), ))))
        yield '</span>\n    <span class="provider">'
        yield escape((undefined(name='provider') if l_0_provider is missing else l_0_provider))
        yield '</span>\n'

def block_verdict(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    l_0_L = resolve('L')
    pass
    yield '<section class="verdict verdict-'
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict'))
    yield '" id="verdict">\n  <div class="label">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'verdict'))
    yield '</div>\n  <div class="word">'
    yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')))
    yield '</div>\n  <p class="help">'
    yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'verdict_help'), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')))
    yield '</p>\n  <ul>\n'
    for l_1_reason in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict_reasons'):
        _loop_vars = {}
        pass
        yield '    <li>'
        yield escape(l_1_reason)
        yield '</li>\n'
    l_1_reason = missing
    yield '  </ul>\n</section>\n'

def block_figures(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_e = resolve('e')
    l_0_run_missing = resolve('run_missing')
    l_0_nothing_priced = resolve('nothing_priced')
    l_0_r = resolve('r')
    l_0_contingency = resolve('contingency')
    l_0_per_unit = resolve('per_unit')
    l_0_m = resolve('m')
    l_0_counted = resolve('counted')
    l_0_risks = resolve('risks')
    l_0_lead = missing
    try:
        t_1 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_5 = environment.filters['eur0']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'eur0' found.")
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_7 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_8 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    try:
        t_9 = environment.tests['sameas']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No test named 'sameas' found.")
    pass
    yield '<section class="figures" id="figures">\n  <div class="card">\n    <div class="k">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'effort_class'))
    yield '</div>\n    <div class="v">'
    yield escape((environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'class') or '–'))
    yield ' <small>'
    yield escape(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'total_h')))
    yield ' '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield '</small></div>\n    <div class="d">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'engineering'))
    yield ' '
    yield escape(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'engineering_h')))
    yield ' · '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'cam'))
    yield ' '
    yield escape(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cam_h')))
    yield ' · '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'inspection'))
    yield ' '
    yield escape(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'inspection_h')))
    yield ' · '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup'))
    yield ' '
    yield escape(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'setup_h')))
    yield ' · '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'run'))
    yield ' '
    yield escape(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'run_h')))
    yield ' '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    if environment.call(context, (undefined(name='run_missing') if l_0_run_missing is missing else l_0_run_missing), _block_vars=_block_vars):
        pass
        yield '; '
        yield escape(environment.call(context, (undefined(name='run_missing') if l_0_run_missing is missing else l_0_run_missing), _block_vars=_block_vars))
    yield '</div>\n  </div>\n  <div class="card">\n    <div class="k">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'cost_range'))
    yield '</div>\n'
    if environment.call(context, (undefined(name='nothing_priced') if l_0_nothing_priced is missing else l_0_nothing_priced), _block_vars=_block_vars):
        pass
        yield '    <div class="v">–</div>\n    <div class="d">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_priced'))
        yield ': '
        yield escape(t_6(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'not_made'), ', '))
        yield '</div>\n'
    else:
        pass
        yield '    <div class="v">'
        yield escape(t_5(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cost_eur'), 'low')))
        yield ' <small>– '
        yield escape(t_5(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cost_eur'), 'high')))
        yield '</small></div>\n    <div class="d">'
        yield escape(environment.call(context, (undefined(name='contingency') if l_0_contingency is missing else l_0_contingency), _block_vars=_block_vars))
        if environment.call(context, (undefined(name='per_unit') if l_0_per_unit is missing else l_0_per_unit), _block_vars=_block_vars):
            pass
            yield ' · '
            yield escape(environment.call(context, (undefined(name='per_unit') if l_0_per_unit is missing else l_0_per_unit), _block_vars=_block_vars))
        yield '</div>\n'
    yield '  </div>\n  <div class="card'
    if (((not t_2(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))) and (not t_2(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall')))) and (environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall') < environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))):
        pass
        yield ' warn'
    yield '">\n    <div class="k">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl'))
    yield ' ('
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'overall'))
    yield ')</div>\n    <div class="v">'
    yield escape((environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall') if (not t_2(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall'))) else '–'))
    yield ' <small>/ '
    if (not t_2(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))):
        pass
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'target'))
        yield ' '
        yield escape(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))
    else:
        pass
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'target'))
        yield ' ?'
    yield '</small></div>\n    <div class="d">'
    if (not t_2(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))):
        pass
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'target'))
        yield ': '
        yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_levels'), t_8(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))))
    else:
        pass
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_target'))
    if environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'not_assessed'):
        pass
        yield ' · '
        yield escape(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed_count'), environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'not_assessed'), _block_vars=_block_vars))
    yield '</div>\n  </div>\n'
    l_0_lead = environment.call(context, environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'get'), 'lead_time', _block_vars=_block_vars)
    _block_vars['lead'] = l_0_lead
    if (undefined(name='lead') if l_0_lead is missing else l_0_lead):
        pass
        yield '  <div class="card'
        if (t_9(environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'meets_wanted_date'), False) or t_2(environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'days'))):
            pass
            yield ' warn'
        yield '">\n    <div class="k">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'lead_time'))
        yield '</div>\n    <div class="v">'
        if (not t_2(environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'days'))):
            pass
            yield escape(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'working_days_count'), environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'days'), _block_vars=_block_vars))
            if ((environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'deliveries') or 1) > 1):
                pass
                yield ' <small>'
                yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'first_of_deliveries'), 'format'), n=environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'deliveries'), _block_vars=_block_vars))
                yield '</small>'
        else:
            pass
            yield '–'
        yield '</div>\n    <div class="d">'
        if environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'earliest_date'):
            pass
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'earliest'))
            yield ' '
            yield escape(t_1(environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'earliest_date')))
        if environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'wanted_date'):
            pass
            if environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'earliest_date'):
                pass
                yield ' · '
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'wanted'))
            yield ' '
            yield escape(t_1(environment.getattr((undefined(name='lead') if l_0_lead is missing else l_0_lead), 'wanted_date')))
        yield ' · '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questions'))
        yield ': '
        yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions')))
        yield ' · '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'risks'))
        yield ': '
        yield escape(t_3((undefined(name='risks') if l_0_risks is missing else l_0_risks)))
        yield '</div>\n  </div>\n'
    else:
        pass
        yield '  <div class="card">\n    <div class="k">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'extra_lead_time'))
        yield '</div>\n    <div class="v">'
        yield escape(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'longest_wait_days')))
        yield ' <small>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'days'))
        yield '</small></div>\n    <div class="d">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questions'))
        yield ': '
        yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions')))
        yield ' · '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'risks'))
        yield ': '
        yield escape(t_3((undefined(name='risks') if l_0_risks is missing else l_0_risks)))
        yield '</div>\n  </div>\n'
    yield '</section>\n'

def block_mrl(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_mrl_rows = resolve('mrl_rows')
    l_0_range = resolve('range')
    l_0_m = resolve('m')
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<section id="mrl">\n  <h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_by_thread'))
    yield '</h2>\n'
    for l_1_t in (undefined(name='mrl_rows') if l_0_mrl_rows is missing else l_0_mrl_rows):
        l_1_thread_name = resolve('thread_name')
        _loop_vars = {}
        pass
        yield '  <div class="mrl-row'
        if environment.getattr(l_1_t, 'below'):
            pass
            yield ' below'
        elif environment.getattr(l_1_t, 'capped_by'):
            pass
            yield ' capped'
        yield '">\n    <div class="t">'
        yield escape(environment.call(context, (undefined(name='thread_name') if l_1_thread_name is missing else l_1_thread_name), environment.getattr(l_1_t, 'id'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_t, 'capped_by'):
            pass
            yield '<small>'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'capped_by'))
            yield ' '
            yield escape(t_6(context.eval_ctx, environment.getattr(l_1_t, 'capped_by'), ', '))
            yield '</small>'
        elif environment.getattr(l_1_t, 'unanswered'):
            pass
            yield '<small>'
            yield escape((environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'to_earn') if environment.getattr(l_1_t, 'assessed') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'to_assess')))
            yield ': '
            yield escape(t_6(context.eval_ctx, environment.getattr(l_1_t, 'unanswered'), ', '))
            yield '</small>'
        elif environment.getattr(l_1_t, 'not_met'):
            pass
            yield '<small>'
            yield escape(environment.getattr(l_1_t, 'not_met'))
            yield '</small>'
        if environment.getattr(l_1_t, 'assumed'):
            pass
            yield '<small>'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rests_on'))
            yield ': '
            yield escape(t_6(context.eval_ctx, environment.getattr(l_1_t, 'assumed'), ', '))
            yield '</small>'
        yield '</div>\n    <div class="track" title="MRL '
        yield escape((environment.getattr(l_1_t, 'level') if environment.getattr(l_1_t, 'assessed') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed')))
        yield '">\n      <div class="fill" style="width: '
        yield escape(((environment.getattr(l_1_t, 'level') or 0) * 10))
        yield '%"></div>\n'
        if (not t_2(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))):
            pass
            yield '      <div class="target" style="left: calc('
            yield escape((environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target') * 10))
            yield '% - 1px)"></div>\n'
        yield '    </div>\n    <div class="n">'
        yield escape((environment.getattr(l_1_t, 'level') if environment.getattr(l_1_t, 'assessed') else '–'))
        yield '</div>\n  </div>\n'
    l_1_t = l_1_thread_name = missing
    yield '  <div class="scale"><span></span><span class="ticks">'
    for l_1_i in environment.call(context, (undefined(name='range') if l_0_range is missing else l_0_range), 1, 11, _block_vars=_block_vars):
        _loop_vars = {}
        pass
        yield '<span'
        if (l_1_i == environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target')):
            pass
            yield ' class="tgt" title="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'target'))
            yield '"'
        yield '>'
        yield escape(l_1_i)
        yield '</span>'
    l_1_i = missing
    yield '</span><span></span></div>\n  <p class="legend">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_legend'))
    if t_2(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target')):
        pass
        yield ' '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_target'))
        yield '.'
    yield '</p>\n</section>\n'

def block_heat_map(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_risks = resolve('risks')
    l_0_heat = resolve('heat')
    l_0_range = resolve('range')
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<section id="heat-map">\n  <h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_map'))
    yield ' <span class="count">('
    yield escape(t_3((undefined(name='risks') if l_0_risks is missing else l_0_risks)))
    yield ')</span></h2>\n  <div class="heat-wrap">\n    <div class="axis-y">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'likelihood'))
    yield ' →</div>\n    <div>\n      <table class="heat">\n        <tbody>\n'
    for l_1_row in environment.getattr((undefined(name='heat') if l_0_heat is missing else l_0_heat), 'rows'):
        _loop_vars = {}
        pass
        yield '          <tr>\n            <th class="row" scope="row">'
        yield escape(environment.getattr(l_1_row, 'likelihood'))
        yield '</th>\n'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield '            <td class="lv-'
            yield escape((environment.getattr(l_2_cell, 'level') or 'none'))
            if environment.getattr(l_2_cell, 'count'):
                pass
                yield ' hit'
            yield '" title="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'likelihood'))
            yield ' '
            yield escape(environment.getattr(l_2_cell, 'likelihood'))
            yield ' × '
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'consequence'))
            yield ' '
            yield escape(environment.getattr(l_2_cell, 'consequence'))
            yield ' = '
            yield escape(environment.getattr(l_2_cell, 'score'))
            if environment.getattr(l_2_cell, 'level'):
                pass
                yield ' ('
                yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'levels'), 'get'), environment.getattr(l_2_cell, 'level'), environment.getattr(l_2_cell, 'level'), _loop_vars=_loop_vars))
                yield ')'
            yield '">\n'
            if environment.getattr(l_2_cell, 'count'):
                pass
                yield '<span class="c">'
                yield escape(environment.getattr(l_2_cell, 'count'))
                yield '</span><span class="cell-ids">'
                yield escape(t_6(context.eval_ctx, environment.getattr(l_2_cell, 'ids'), ' '))
                yield '</span>'
            yield '            </td>\n'
        l_2_cell = missing
        yield '          </tr>\n'
    l_1_row = missing
    yield '          <tr><th class="row"></th>'
    for l_1_c in environment.call(context, (undefined(name='range') if l_0_range is missing else l_0_range), 1, 6, _block_vars=_block_vars):
        _loop_vars = {}
        pass
        yield '<th>'
        yield escape(l_1_c)
        yield '</th>'
    l_1_c = missing
    yield '</tr>\n        </tbody>\n      </table>\n      <div class="axis-x" data-y="'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'likelihood'))
    yield ' ↑ ·">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'consequence'))
    yield ' →</div>\n    </div>\n  </div>\n  <div class="swatches">\n'
    for l_1_level in ['low', 'moderate', 'high']:
        _loop_vars = {}
        pass
        yield '    <span><span class="swatch" style="background: var(--'
        yield escape(l_1_level)
        yield ')"></span>'
        yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'levels'), l_1_level))
        yield '</span>\n'
    l_1_level = missing
    yield '  </div>\n  <p class="legend">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_legend_count'))
    yield ' '
    yield escape((environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_legend_report') if (environment.getattr((undefined(name='heat') if l_0_heat is missing else l_0_heat), 'source') == 'report') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_legend_inferred')))
    yield '</p>\n</section>\n'

def block_questions(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_r = resolve('r')
    try:
        t_10 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<section id="questions">\n  <h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questions'))
    yield ' <span class="count">'
    yield escape((t_10('(%d)', t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions'))) if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions') else markup_join(('– ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'), ))))
    yield '</span></h2>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions'):
        pass
        yield '  <table class="grid">\n    <thead><tr><th style="width: 7mm">#</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'question'))
        yield '</th><th style="width: 17mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
        yield '</th><th style="width: 34%">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'impact'))
        yield '</th></tr></thead>\n    <tbody>\n'
        l_1_loop = missing
        for l_1_oq, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions'), undefined):
            l_1_what_if_shown = resolve('what_if_shown')
            _loop_vars = {}
            pass
            yield '      <tr>\n        <td class="num">'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '</td>\n        <td data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'question'))
            yield '">'
            yield escape(environment.getattr(l_1_oq, 'question'))
            yield ' <span class="field id">'
            yield escape(environment.getattr(l_1_oq, 'field'))
            yield '</span></td>\n        <td data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
            yield '"><span class="id">'
            yield escape((environment.getattr(l_1_oq, 'part') or ''))
            yield '</span></td>\n        <td data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'impact'))
            yield '">'
            if (environment.getattr(l_1_oq, 'decisive') and (environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict') != 'no_fit')):
                pass
                yield '<span class="chip decisive">'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'decisive'))
                yield '</span> '
            yield '<span class="ids small muted">'
            yield escape(t_6(context.eval_ctx, environment.getattr(l_1_oq, 'rules'), ', '))
            yield '</span>\n'
            for l_2_p in environment.call(context, (undefined(name='what_if_shown') if l_1_what_if_shown is missing else l_1_what_if_shown), l_1_oq, _loop_vars=_loop_vars):
                l_2_answer_text = resolve('answer_text')
                _loop_vars = {}
                pass
                yield '          <span class="sub-line what-if">'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'if_answer'))
                yield ' '
                yield escape(environment.call(context, (undefined(name='answer_text') if l_2_answer_text is missing else l_2_answer_text), environment.getattr(l_1_oq, 'field'), environment.getattr(l_2_p, 'answer'), _loop_vars=_loop_vars))
                yield ': '
                if (environment.getattr(l_2_p, 'verdict') != environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')):
                    pass
                    yield '<span class="v-'
                    yield escape(environment.getattr(l_2_p, 'verdict'))
                    yield '">'
                    yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr(l_2_p, 'verdict')))
                    yield '</span> '
                if environment.getattr(l_2_p, 'new_findings'):
                    pass
                    yield '<span class="ids muted">+ '
                    yield escape(t_6(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', '))
                    yield '</span>'
                yield '</span>\n'
            l_2_p = l_2_answer_text = missing
            yield '        </td>\n      </tr>\n'
        l_1_loop = l_1_oq = l_1_what_if_shown = missing
        yield '    </tbody>\n  </table>\n'
    yield from context.blocks['assumed'][0](context)
    yield '</section>\n'

def block_assumed(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    l_0_L = resolve('L')
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assumed'):
        pass
        yield '  <h3>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'assumed'))
        yield ' <span class="count">('
        yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assumed')))
        yield ')</span></h3>\n  <ul class="assumed">\n'
        for l_1_a in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assumed'):
            _loop_vars = {}
            pass
            yield '    <li>'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'assumed'))
            yield ': '
            yield escape(environment.getattr(l_1_a, 'text'))
            if environment.getattr(l_1_a, 'parts'):
                pass
                yield ' <span class="id">('
                yield escape(t_6(context.eval_ctx, environment.getattr(l_1_a, 'parts'), ', '))
                yield ')</span>'
            yield ' – '
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'please_confirm'))
            yield ' <span class="field id">'
            yield escape(environment.getattr(l_1_a, 'field'))
            yield '</span>'
            for l_2_p in environment.getattr(l_1_a, 'what_if')[:2]:
                l_2_answer_text = resolve('answer_text')
                _loop_vars = {}
                pass
                yield '; '
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'if_not'))
                yield ' ('
                yield escape(environment.call(context, (undefined(name='answer_text') if l_2_answer_text is missing else l_2_answer_text), environment.getattr(l_1_a, 'field'), environment.getattr(l_2_p, 'answer'), _loop_vars=_loop_vars))
                yield '): '
                if (environment.getattr(l_2_p, 'verdict') != environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')):
                    pass
                    yield '<strong>'
                    yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr(l_2_p, 'verdict')))
                    yield '</strong> '
                if environment.getattr(l_2_p, 'new_findings'):
                    pass
                    yield '<span class="id small muted">'
                    yield escape(t_6(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', '))
                    yield '</span>'
            l_2_p = l_2_answer_text = missing
            yield '</li>\n'
        l_1_a = missing
        yield '  </ul>\n'

def block_risks(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_risks = resolve('risks')
    l_0_risk_rows = resolve('risk_rows')
    try:
        t_10 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<section id="risks">\n  <h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'risk_register'))
    yield ' <span class="count">'
    yield escape((t_10('(%d)', t_3((undefined(name='risks') if l_0_risks is missing else l_0_risks))) if (undefined(name='risks') if l_0_risks is missing else l_0_risks) else markup_join(('– ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'), ))))
    yield '</span></h2>\n'
    if (undefined(name='risks') if l_0_risks is missing else l_0_risks):
        pass
        yield '  <table class="grid">\n    <thead><tr><th style="width: 17mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'score'))
        yield '</th><th style="width: 27mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rule'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'message'))
        yield '</th><th style="width: 36%">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mitigation'))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_1_f in (undefined(name='risk_rows') if l_0_risk_rows is missing else l_0_risk_rows):
            l_1_thread_name = resolve('thread_name')
            _loop_vars = {}
            pass
            yield '      <tr>\n        <td><span class="chip '
            yield escape(environment.getattr(environment.getattr(l_1_f, 'risk'), 'level'))
            yield '">'
            yield escape(environment.getattr(environment.getattr(l_1_f, 'risk'), 'score'))
            yield ' '
            yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'levels'), 'get'), environment.getattr(environment.getattr(l_1_f, 'risk'), 'level'), environment.getattr(environment.getattr(l_1_f, 'risk'), 'level'), _loop_vars=_loop_vars))
            yield '</span><span class="lc">'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'likelihood')[:1])
            yield escape(environment.getattr(environment.getattr(l_1_f, 'risk'), 'likelihood'))
            yield ' × '
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'consequence')[:1])
            yield escape(environment.getattr(environment.getattr(l_1_f, 'risk'), 'consequence'))
            yield '</span></td>\n        <td><span class="id">'
            yield escape(environment.getattr(l_1_f, 'rule'))
            yield '</span><span class="lc">'
            yield escape(environment.call(context, (undefined(name='thread_name') if l_1_thread_name is missing else l_1_thread_name), environment.getattr(l_1_f, 'thread'), _loop_vars=_loop_vars))
            yield '</span></td>\n        <td data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'message'))
            yield '">'
            yield escape(environment.getattr(l_1_f, 'message'))
            if (environment.getattr(l_1_f, 'kind') != 'risk'):
                pass
                yield ' <span class="chip '
                yield escape(environment.getattr(l_1_f, 'kind'))
                yield '">'
                yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_f, 'kind'), environment.getattr(l_1_f, 'kind'), _loop_vars=_loop_vars))
                yield '</span>'
            yield '</td>\n        <td class="muted" data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mitigation'))
            yield '">'
            yield escape(environment.getattr(l_1_f, 'mitigation'))
            yield '</td>\n      </tr>\n'
        l_1_f = l_1_thread_name = missing
        yield '    </tbody>\n  </table>\n'
    yield '</section>\n'

def block_other_findings(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_others = resolve('others')
    l_0_L = resolve('L')
    l_0_other_rows = resolve('other_rows')
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if (undefined(name='others') if l_0_others is missing else l_0_others):
        pass
        yield '<section id="findings">\n  <h2>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'findings'))
        yield ' <span class="count">('
        yield escape(t_3((undefined(name='others') if l_0_others is missing else l_0_others)))
        yield ')</span></h2>\n  <table class="grid">\n    <thead><tr><th style="width: 20mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kind'))
        yield '</th><th style="width: 27mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rule'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'message'))
        yield '</th><th style="width: 36%">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mitigation'))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_1_f in (undefined(name='other_rows') if l_0_other_rows is missing else l_0_other_rows):
            l_1_thread_name = resolve('thread_name')
            _loop_vars = {}
            pass
            yield '      <tr>\n        <td><span class="chip '
            yield escape(environment.getattr(l_1_f, 'kind'))
            yield '">'
            yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_f, 'kind'), environment.getattr(l_1_f, 'kind'), _loop_vars=_loop_vars))
            yield '</span></td>\n        <td><span class="id">'
            yield escape(environment.getattr(l_1_f, 'rule'))
            yield '</span><span class="lc">'
            yield escape(environment.call(context, (undefined(name='thread_name') if l_1_thread_name is missing else l_1_thread_name), environment.getattr(l_1_f, 'thread'), _loop_vars=_loop_vars))
            yield '</span></td>\n        <td data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'message'))
            yield '">'
            yield escape(environment.getattr(l_1_f, 'message'))
            yield '</td>\n        <td class="muted" data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mitigation'))
            yield '">'
            yield escape(environment.getattr(l_1_f, 'mitigation'))
            yield '</td>\n      </tr>\n'
        l_1_f = l_1_thread_name = missing
        yield '    </tbody>\n  </table>\n</section>\n'

def block_assignments(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_r = resolve('r')
    try:
        t_11 = environment.filters['closest']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'closest' found.")
    try:
        t_12 = environment.filters['count']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'count' found.")
    try:
        t_13 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_14 = environment.filters['named']
    except KeyError:
        @internalcode
        def t_14(*unused):
            raise TemplateRuntimeError("No filter named 'named' found.")
    try:
        t_7 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_15 = environment.filters['unlisted']
    except KeyError:
        @internalcode
        def t_15(*unused):
            raise TemplateRuntimeError("No filter named 'unlisted' found.")
    try:
        t_16 = environment.filters['unnamed']
    except KeyError:
        @internalcode
        def t_16(*unused):
            raise TemplateRuntimeError("No filter named 'unnamed' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<section id="assignments">\n  <h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'assignments'))
    yield '</h2>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assignments'):
        pass
        yield '  <table class="grid">\n    <thead><tr><th style="width: 17mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
        yield '</th><th style="width: 28mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'process'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'machine'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup_h'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'run_h'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
        yield '</th></tr></thead>\n    <tbody>\n'
        l_1_loop = missing
        for l_1_a, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assignments'), undefined):
            l_1_process_name = resolve('process_name')
            l_1_counted = resolve('counted')
            _loop_vars = {}
            pass
            yield '      <tr'
            if environment.getattr(l_1_a, 'rejected'):
                pass
                yield ' class="has-sub"'
            yield '>\n        <td><span class="id">'
            yield escape(environment.getattr(l_1_a, 'part'))
            yield '</span></td>\n        <td>'
            yield escape(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars))
            yield '</td>\n        <td>\n'
            if environment.getattr(l_1_a, 'machine'):
                pass
                yield '          '
                yield escape(environment.getattr(l_1_a, 'machine_name'))
                yield ' <span class="id muted">'
                yield escape(environment.getattr(l_1_a, 'machine'))
                yield '</span>\n'
                if environment.getattr(l_1_a, 'marginal'):
                    pass
                    yield '<span class="sub-line"><span class="chip marginal">'
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'marginal'))
                    yield '</span> '
                    yield escape(t_6(context.eval_ctx, environment.getattr(l_1_a, 'marginal'), '; '))
                    yield '</span>'
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'split', _loop_vars=_loop_vars):
                    pass
                    yield '<span class="sub-line"><span class="chip">'
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'split'))
                    yield '</span> '
                    l_2_loop = missing
                    for l_2_s, l_2_loop in LoopContext(t_14(environment.getattr(l_1_a, 'split')), undefined):
                        _loop_vars = {}
                        pass
                        yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'split_share'), 'format'), pieces=t_12(environment.getattr(l_2_s, 'pieces')), machine=environment.getattr(l_2_s, 'name'), _loop_vars=_loop_vars))
                        if (not environment.getattr(l_2_loop, 'last')):
                            pass
                            yield ', '
                    l_2_loop = l_2_s = missing
                    if t_16(environment.getattr(l_1_a, 'split')):
                        pass
                        yield ' '
                        yield escape(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_16(environment.getattr(l_1_a, 'split')), _loop_vars=_loop_vars))
                    yield '</span>'
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'late', _loop_vars=_loop_vars):
                    pass
                    yield '<span class="sub-line"><span class="chip marginal">'
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'late'))
                    yield '</span> '
                    yield escape(environment.getattr(l_1_a, 'late'))
                    yield '</span>'
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'sooner', _loop_vars=_loop_vars):
                    pass
                    yield '<span class="sub-line">'
                    yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sooner'), 'format'), days=environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'working_days_count'), environment.getattr(environment.getattr(l_1_a, 'sooner'), 'slack_days'), _loop_vars=_loop_vars), instead=environment.getattr(environment.getattr(l_1_a, 'sooner'), 'instead_slack_days'), machine=environment.getattr(environment.getattr(l_1_a, 'sooner'), 'instead_of'), extra=t_13(environment.getattr(environment.getattr(l_1_a, 'sooner'), 'extra_eur')), _loop_vars=_loop_vars))
                    yield '</span>'
                if ('bar_mm' in l_1_a):
                    pass
                    yield '<span class="sub-line small">'
                    if (not t_2(environment.getattr(l_1_a, 'bar_mm'))):
                        pass
                        yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar_stock'), 'format'), bar=t_7(environment.getattr(l_1_a, 'bar_mm')), _loop_vars=_loop_vars))
                    else:
                        pass
                        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sawn_blank'))
                    yield '</span>'
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'alternative_amounts', _loop_vars=_loop_vars):
                    pass
                    yield '<span class="sub-line small muted">'
                    yield escape((environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives_weighed'), 'format'), amount=t_13(environment.getattr(l_1_a, 'weighed_eur')), _loop_vars=_loop_vars) if (not t_2(environment.call(context, environment.getattr(l_1_a, 'get'), 'weighed_eur', _loop_vars=_loop_vars))) else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives')))
                    yield ': '
                    l_2_loop = missing
                    for l_2_x, l_2_loop in LoopContext(t_14(environment.getattr(l_1_a, 'alternative_amounts')), undefined):
                        _loop_vars = {}
                        pass
                        yield escape(environment.getattr(l_2_x, 'machine'))
                        yield ' '
                        yield escape(t_13(environment.getattr(l_2_x, 'amount_eur')))
                        yield ' ('
                        yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'why_lost'), environment.getattr(l_2_x, 'why')))
                        if ('bar_mm' in l_2_x):
                            pass
                            yield '; '
                            if (not t_2(environment.getattr(l_2_x, 'bar_mm'))):
                                pass
                                yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar_stock'), 'format'), bar=t_7(environment.getattr(l_2_x, 'bar_mm')), _loop_vars=_loop_vars))
                            else:
                                pass
                                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sawn_blank'))
                        yield ')'
                        if (not environment.getattr(l_2_loop, 'last')):
                            pass
                            yield ', '
                    l_2_loop = l_2_x = missing
                    if t_16(environment.getattr(l_1_a, 'alternative_amounts')):
                        pass
                        yield ', '
                        yield escape(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_16(environment.getattr(l_1_a, 'alternative_amounts')), _loop_vars=_loop_vars))
                    yield '</span>'
                elif environment.getattr(l_1_a, 'alternatives'):
                    pass
                    yield '<span class="sub-line small muted">'
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives'))
                    yield ': '
                    yield escape(t_6(context.eval_ctx, t_14(environment.getattr(l_1_a, 'alternatives')), ', '))
                    if t_16(environment.getattr(l_1_a, 'alternatives')):
                        pass
                        yield ' '
                        yield escape(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_16(environment.getattr(l_1_a, 'alternatives')), _loop_vars=_loop_vars))
                    yield '</span>'
            elif environment.call(context, environment.getattr(l_1_a, 'get'), 'partner', _loop_vars=_loop_vars):
                pass
                yield '          '
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'outside_work'))
                yield ': '
                yield escape(environment.getattr(environment.getattr(l_1_a, 'partner'), 'name'))
                yield ' <span class="id muted">'
                yield escape(environment.getattr(environment.getattr(l_1_a, 'partner'), 'id'))
                yield ', '
                yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'partner_days'), 'format'), days=environment.getattr(environment.getattr(l_1_a, 'partner'), 'lead_time_days'), _loop_vars=_loop_vars))
                yield '</span>\n'
            elif (not environment.getattr(l_1_a, 'judged')):
                pass
                yield '          <span class="chip decisive">'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_judged'))
                yield '</span>\n'
            else:
                pass
                yield '          <span class="chip bad">'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_machine'))
                yield '</span>\n'
            yield '        </td>\n        <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup_h'))
            yield '">'
            yield escape((t_7(environment.getattr(l_1_a, 'setup_h')) if environment.getattr(l_1_a, 'machine') else ''))
            yield '</td>\n        <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'run_h'))
            yield '">'
            if environment.getattr(l_1_a, 'machine'):
                pass
                if (not t_2(environment.getattr(l_1_a, 'run_h'))):
                    pass
                    yield escape(t_7(environment.getattr(l_1_a, 'run_h')))
                    if (environment.call(context, environment.getattr(l_1_a, 'get'), 'run_basis', _loop_vars=_loop_vars) == 'estimated'):
                        pass
                        yield ' <span class="small muted">'
                        yield escape(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bases'), 'estimated'))
                        yield '</span>'
                else:
                    pass
                    yield '<span class="small muted">'
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup_only'))
                    yield '</span>'
            yield '</td>\n        <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
            yield '">'
            yield escape((t_13(environment.getattr(l_1_a, 'amount_eur')) if environment.getattr(l_1_a, 'machine') else ''))
            yield '</td>\n      </tr>\n'
            if environment.getattr(l_1_a, 'rejected'):
                pass
                yield '      <tr>\n        <td></td>\n        <td colspan="5" class="sub">\n'
                for l_2_x in t_11(environment.getattr(l_1_a, 'rejected')):
                    _loop_vars = {}
                    pass
                    yield '          <span class="sub-line"><span class="x">✕</span> '
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rejected'))
                    yield ': '
                    yield escape(environment.getattr(l_2_x, 'name'))
                    yield ' <span class="id">'
                    yield escape(environment.getattr(l_2_x, 'machine'))
                    yield '</span>: '
                    yield escape(t_6(context.eval_ctx, environment.getattr(l_2_x, 'reasons'), '; '))
                    yield '</span>\n'
                l_2_x = missing
                if t_15(environment.getattr(l_1_a, 'rejected')):
                    pass
                    yield '          <span class="sub-line small muted">'
                    yield escape(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_rejected'), t_15(environment.getattr(l_1_a, 'rejected')), _loop_vars=_loop_vars))
                    yield '</span>\n'
                yield '        </td>\n      </tr>\n'
        l_1_loop = l_1_a = l_1_process_name = l_1_counted = missing
        yield '    </tbody>\n  </table>\n'
    else:
        pass
        yield '  <p class="empty">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_assignments'))
        yield '</p>\n'
    yield '</section>\n'

def block_quote(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    l_0_L = resolve('L')
    l_0_quote_lines = resolve('quote_lines')
    l_0_contingency = resolve('contingency')
    l_0_unit = resolve('unit')
    l_0_lead_time_sentence = resolve('lead_time_sentence')
    l_0_t = missing
    try:
        t_13 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_7 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_17 = environment.filters['unbroken_dates']
    except KeyError:
        @internalcode
        def t_17(*unused):
            raise TemplateRuntimeError("No filter named 'unbroken_dates' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_t = environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'totals')
    _block_vars['t'] = l_0_t
    yield '<section id="quote">\n  <h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'quote'))
    yield ' <span class="count">'
    yield escape((markup_join(('(', environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'currency'), ')', )) if (undefined(name='quote_lines') if l_0_quote_lines is missing else l_0_quote_lines) else markup_join(('– ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'), ))))
    yield '</span></h2>\n'
    if (undefined(name='quote_lines') if l_0_quote_lines is missing else l_0_quote_lines):
        pass
        yield '  <table class="grid">\n    <thead><tr><th style="width: 24mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kind'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'description'))
        yield '</th><th style="width: 17mm">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rate'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_1_line in (undefined(name='quote_lines') if l_0_quote_lines is missing else l_0_quote_lines):
            _loop_vars = {}
            pass
            yield '      <tr>\n        <td>'
            yield escape(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_line, 'kind'), environment.getattr(l_1_line, 'kind'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_line, 'rule'):
                pass
                yield '<span class="lc id">'
                yield escape(environment.getattr(l_1_line, 'rule'))
                yield '</span>'
            if (environment.getattr(l_1_line, 'basis') and (environment.getattr(l_1_line, 'basis') != 'given')):
                pass
                yield ' <span class="muted small">'
                yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bases'), environment.getattr(l_1_line, 'basis')))
                yield '</span>'
            if environment.getattr(l_1_line, 'one_off'):
                pass
                yield ' <span class="muted small">'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'one_off_line'))
                yield '</span>'
            yield '</td>\n        <td>'
            yield escape(environment.getattr(l_1_line, 'description'))
            yield '</td>\n        <td><span class="id">'
            yield escape((environment.getattr(l_1_line, 'part') or ''))
            yield '</span></td>\n'
            if (environment.getattr(l_1_line, 'hours') or environment.getattr(l_1_line, 'rate_eur_h')):
                pass
                yield '        <td class="num" data-label="'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours'))
                yield '">'
                yield escape(t_7(environment.getattr(l_1_line, 'hours')))
                yield '</td>\n        <td class="num" data-label="'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rate'))
                yield '">'
                yield escape(t_13(environment.getattr(l_1_line, 'rate_eur_h')))
                yield '</td>\n'
            else:
                pass
                yield '        <td class="blank"></td><td class="blank"></td>\n'
            yield '        <td class="num" data-label="'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
            yield '">'
            yield escape(t_13(environment.getattr(l_1_line, 'amount_eur')))
            yield '</td>\n      </tr>\n'
        l_1_line = missing
        yield '    </tbody><tbody class="totals">\n      <tr class="first"><td colspan="3">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'subtotal'))
        yield '</td><td class="num" data-label="'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours'))
        yield '">'
        yield escape(t_7(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'hours')))
        yield '</td><td class="blank"></td><td class="num" data-label="'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
        yield '">'
        yield escape(t_13(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'amount_eur')))
        yield '</td></tr>\n      <tr><td colspan="5" class="muted">'
        yield escape(environment.call(context, (undefined(name='contingency') if l_0_contingency is missing else l_0_contingency), _block_vars=_block_vars))
        yield '</td><td class="num muted">'
        yield escape(t_13(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'contingency_eur')))
        yield '</td></tr>\n      <tr class="grand"><td colspan="5">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'high_estimate'))
        yield '</td><td class="num">'
        yield escape(t_13(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'amount_high_eur')))
        yield '</td></tr>\n'
        if (environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'one_off_eur') and (not t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'one_off_high_eur')))):
            pass
            yield '      <tr><td colspan="5" class="muted">'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'one_off_of_which'))
            yield '</td><td class="num muted">'
            yield escape(t_13(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'one_off_high_eur')))
            yield '</td></tr>\n'
        yield '    </tbody>\n  </table>\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'notes'):
        pass
        yield '  <p class="small muted">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'quote_notes'))
        yield ':</p>\n  <ul class="small">\n'
        for l_1_note in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'notes'):
            _loop_vars = {}
            pass
            yield '    <li>'
            yield escape(l_1_note)
            yield '</li>\n'
        l_1_note = missing
        yield '  </ul>\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'breaks'):
        pass
        yield '  <p class="small muted">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'breaks'))
        yield ', '
        yield escape((undefined(name='unit') if l_0_unit is missing else l_0_unit))
        yield '</p>\n  <table class="grid">\n    <thead><tr><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'break_quantity'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'per_piece'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup_cam_per_piece'))
        yield '</th><th class="num">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'high_estimate'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'lead_time'))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_1_b in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'breaks'):
            l_1_break_lead = resolve('break_lead')
            _loop_vars = {}
            pass
            yield '      <tr><td class="num">'
            yield escape(environment.getattr(l_1_b, 'quantity'))
            yield '</td><td class="num">'
            yield escape(t_13(environment.getattr(l_1_b, 'amount_eur')))
            yield '</td><td class="num">'
            yield escape(t_13(environment.getattr(l_1_b, 'per_piece_eur')))
            yield '</td><td class="num">'
            yield escape(t_13(environment.getattr(l_1_b, 'setup_cam_per_piece_eur')))
            yield '</td><td class="num">'
            yield escape(t_13(environment.getattr(l_1_b, 'amount_high_eur')))
            yield '</td><td>'
            yield escape(environment.call(context, (undefined(name='break_lead') if l_1_break_lead is missing else l_1_break_lead), l_1_b, _loop_vars=_loop_vars))
            yield '</td></tr>\n'
        l_1_b = l_1_break_lead = missing
        yield '    </tbody>\n  </table>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'):
        pass
        yield '  <p>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'lead_time'))
        yield ': '
        yield escape(t_17(environment.call(context, (undefined(name='lead_time_sentence') if l_0_lead_time_sentence is missing else l_0_lead_time_sentence), _block_vars=_block_vars)))
        yield '. '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'chain_of'))
        yield ':</p>\n  <ul class="chain">\n'
        def t_18(fiter):
            for l_1_p in fiter:
                if environment.getattr(l_1_p, 'steps'):
                    yield l_1_p
        for l_1_p in t_18(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'parts')):
            l_1_lead_time_steps = resolve('lead_time_steps')
            _loop_vars = {}
            pass
            yield '    <li><span class="id">'
            yield escape(environment.getattr(l_1_p, 'part'))
            yield '</span>: '
            yield escape(environment.call(context, (undefined(name='lead_time_steps') if l_1_lead_time_steps is missing else l_1_lead_time_steps), l_1_p, _loop_vars=_loop_vars))
            yield '</li>\n'
        l_1_p = l_1_lead_time_steps = missing
        yield '  </ul>\n'
    yield '</section>\n'

def block_trace(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    l_0_paper = resolve('paper')
    l_0_L = resolve('L')
    try:
        t_19 = environment.filters['dictsort']
    except KeyError:
        @internalcode
        def t_19(*unused):
            raise TemplateRuntimeError("No filter named 'dictsort' found.")
    try:
        t_20 = environment.filters['fact']
    except KeyError:
        @internalcode
        def t_20(*unused):
            raise TemplateRuntimeError("No filter named 'fact' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'findings'):
        pass
        yield '<section id="trace"'
        if (undefined(name='paper') if l_0_paper is missing else l_0_paper):
            pass
            yield ' class="paper"'
        yield '>\n  <h2>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'trace'))
        yield ' <span class="count">('
        yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'findings')))
        yield ')</span></h2>\n  <p class="small muted">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'trace_intro'))
        yield '</p>\n  <div class="trace-list">\n'
        l_1_loop = missing
        for l_1_f, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'findings'), undefined):
            l_1_tr = missing
            _loop_vars = {}
            pass
            yield '  <details'
            if (undefined(name='paper') if l_0_paper is missing else l_0_paper):
                pass
                yield ' open'
            yield '>\n    <summary><span class="id">'
            yield escape(environment.getattr(l_1_f, 'rule'))
            yield '</span>'
            yield escape(environment.getattr(l_1_f, 'title'))
            if environment.getattr(l_1_f, 'part'):
                pass
                yield ' <span class="muted">· '
                yield escape(environment.getattr(l_1_f, 'part'))
                yield '</span>'
            yield '</summary>\n    <dl class="trace-body">\n'
            l_1_tr = environment.getattr(l_1_f, 'trace')
            _loop_vars['tr'] = l_1_tr
            if environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'file'):
                pass
                yield '      <dt>'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'file'))
                yield '</dt><dd><span class="id">'
                yield escape(environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'file'))
                if environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'line'):
                    pass
                    yield ':'
                    yield escape(environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'line'))
                yield '</span></dd>\n'
            yield '      <dt>'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'condition'))
            yield '</dt><dd><code>'
            yield escape(environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'condition'))
            yield '</code></dd>\n'
            if environment.getitem((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'values'):
                pass
                yield '      <dt>'
                yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), 'values'))
                yield '</dt>\n      <dd><table>\n'
                for (l_2_key, l_2_value) in t_19(environment.getitem((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'values')):
                    _loop_vars = {}
                    pass
                    yield '        <tr><td><code>'
                    yield escape(l_2_key)
                    yield '</code></td><td>'
                    yield escape(t_20(l_2_value))
                    yield '</td></tr>\n'
                l_2_key = l_2_value = missing
                yield '      </table></dd>\n'
            if environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'flags'):
                pass
                yield '      <dt>'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'flags'))
                yield '</dt>\n      <dd><table>\n'
                l_2_loop = missing
                for l_2_fl, l_2_loop in LoopContext(environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'flags'), undefined):
                    _loop_vars = {}
                    pass
                    yield '        <tr><td><code>'
                    yield escape(environment.getattr(l_2_fl, 'reads'))
                    yield ': '
                    yield escape(environment.getattr(l_2_fl, 'flag'))
                    yield '</code></td><td>'
                    if environment.getattr(l_2_fl, 'set_by'):
                        pass
                        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'flag_set_by'))
                        yield ' '
                        l_3_loop = missing
                        for l_3_s, l_3_loop in LoopContext(environment.getattr(l_2_fl, 'set_by'), undefined):
                            _loop_vars = {}
                            pass
                            yield '<span class="id">'
                            yield escape(environment.getattr(l_3_s, 'rule'))
                            yield '</span>'
                            if environment.getattr(l_3_s, 'part'):
                                pass
                                yield ' ('
                                yield escape(environment.getattr(l_3_s, 'part'))
                                yield ')'
                            if environment.getitem(l_3_s, 'values'):
                                pass
                                yield ': '
                                l_4_loop = missing
                                for (l_4_key, l_4_value), l_4_loop in LoopContext(t_19(environment.getitem(l_3_s, 'values')), undefined):
                                    _loop_vars = {}
                                    pass
                                    yield '<code>'
                                    yield escape(l_4_key)
                                    yield '</code> = '
                                    yield escape(t_20(l_4_value))
                                    yield escape((', ' if (not environment.getattr(l_4_loop, 'last')) else ''))
                                l_4_loop = l_4_key = l_4_value = missing
                            yield escape(('; ' if (not environment.getattr(l_3_loop, 'last')) else ''))
                        l_3_loop = l_3_s = missing
                    else:
                        pass
                        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'flag_not_set'))
                    yield '</td></tr>\n'
                l_2_loop = l_2_fl = missing
                yield '      </table></dd>\n'
            if environment.getattr(l_1_f, 'machine'):
                pass
                yield '      <dt>'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'machine'))
                yield '</dt><dd><span class="id">'
                yield escape(environment.getattr(l_1_f, 'machine'))
                yield '</span></dd>\n'
            if environment.getattr(l_1_f, 'source'):
                pass
                yield '      <dt>'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'source'))
                yield '</dt><dd>'
                yield escape(environment.getattr(l_1_f, 'source'))
                yield '</dd>\n'
            yield '    </dl>\n  </details>\n'
        l_1_loop = l_1_f = l_1_tr = missing
        yield '  </div>\n</section>\n'

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '<footer class="inputs">\n'
    yield from context.blocks['inputs'][0](context)
    yield '</footer>\n'

def block_inputs(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_inputs = resolve('inputs')
    l_0_L = resolve('L')
    l_0_tool = l_0_eq = l_0_rq = l_0_qn = missing
    pass
    l_0_tool = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'tool', _block_vars=_block_vars) or {})
    _block_vars['tool'] = l_0_tool
    if (undefined(name='tool') if l_0_tool is missing else l_0_tool):
        pass
        yield '<span>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'tool'))
        yield ': '
        yield escape(environment.call(context, environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'get'), 'name', '', _block_vars=_block_vars))
        yield ' '
        yield escape(environment.call(context, environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'get'), 'version', '', _block_vars=_block_vars))
        yield '</span>'
    if environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'packs', _block_vars=_block_vars):
        pass
        yield '<span>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'packs'))
        yield ': '
        l_1_loop = missing
        for l_1_p, l_1_loop in LoopContext(environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'packs', _block_vars=_block_vars), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.call(context, environment.getattr(l_1_p, 'get'), 'id', _loop_vars=_loop_vars))
            yield ' '
            yield escape(environment.call(context, environment.getattr(l_1_p, 'get'), 'version', _loop_vars=_loop_vars))
            yield ' <code>'
            yield escape(environment.call(context, environment.getattr(l_1_p, 'get'), 'digest', _loop_vars=_loop_vars))
            yield '</code>'
            yield escape((', ' if (not environment.getattr(l_1_loop, 'last')) else ''))
        l_1_loop = l_1_p = missing
        yield '</span>'
    yield '\n'
    l_0_eq = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'equipment', _block_vars=_block_vars) or {})
    _block_vars['eq'] = l_0_eq
    if (undefined(name='eq') if l_0_eq is missing else l_0_eq):
        pass
        yield '<span>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'equipment'))
        yield ': '
        yield escape(environment.call(context, environment.getattr((undefined(name='eq') if l_0_eq is missing else l_0_eq), 'get'), 'machines', _block_vars=_block_vars))
        yield ' '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'machines_count'))
        yield ' <code>'
        yield escape(environment.call(context, environment.getattr((undefined(name='eq') if l_0_eq is missing else l_0_eq), 'get'), 'digest', _block_vars=_block_vars))
        yield '</code></span>'
    l_0_rq = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'request', _block_vars=_block_vars) or {})
    _block_vars['rq'] = l_0_rq
    if (undefined(name='rq') if l_0_rq is missing else l_0_rq):
        pass
        yield '<span>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'request'))
        yield ': '
        yield escape(((environment.call(context, environment.getattr((undefined(name='rq') if l_0_rq is missing else l_0_rq), 'get'), 'file', _block_vars=_block_vars) or environment.call(context, environment.getattr((undefined(name='rq') if l_0_rq is missing else l_0_rq), 'get'), 'id', _block_vars=_block_vars)) or ''))
        yield ' <code>'
        yield escape(environment.call(context, environment.getattr((undefined(name='rq') if l_0_rq is missing else l_0_rq), 'get'), 'digest', _block_vars=_block_vars))
        yield '</code></span>'
    l_0_qn = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'questionnaire', _block_vars=_block_vars) or {})
    _block_vars['qn'] = l_0_qn
    if (undefined(name='qn') if l_0_qn is missing else l_0_qn):
        pass
        yield '<span>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questionnaire'))
        yield ': '
        yield escape(environment.call(context, environment.getattr((undefined(name='qn') if l_0_qn is missing else l_0_qn), 'get'), 'id', _block_vars=_block_vars))
        yield ' '
        yield escape(environment.call(context, environment.getattr((undefined(name='qn') if l_0_qn is missing else l_0_qn), 'get'), 'version', _block_vars=_block_vars))
        yield '</span>'
    if environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'lang', _block_vars=_block_vars):
        pass
        yield '<span>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'language'))
        yield ': '
        yield escape(environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'lang', _block_vars=_block_vars))
        yield '</span>'

blocks = {'title': block_title, 'styles': block_styles, 'extra_styles': block_extra_styles, 'header': block_header, 'logo': block_logo, 'verdict': block_verdict, 'figures': block_figures, 'mrl': block_mrl, 'heat_map': block_heat_map, 'questions': block_questions, 'assumed': block_assumed, 'risks': block_risks, 'other_findings': block_other_findings, 'assignments': block_assignments, 'quote': block_quote, 'trace': block_trace, 'footer': block_footer, 'inputs': block_inputs}
debug_info = '13=15&14=18&15=21&16=24&17=27&19=31&24=33&25=37&27=39&285=40&288=42&290=46&316=48&329=50&369=52&389=54&423=56&458=58&479=60&500=62&554=64&618=66&663=68&25=71&27=88&216=98&285=101&290=110&293=135&302=137&303=139&307=143&308=147&309=151&310=157&311=161&312=165&293=170&294=192&295=194&296=197&297=199&316=202&317=213&318=215&319=217&320=219&322=221&323=225&329=230&332=298&333=300&334=306&337=332&338=334&340=337&342=344&343=348&346=355&347=359&348=363&349=375&351=388&352=390&353=393&354=397&355=399&356=411&360=436&361=438&362=442&369=452&371=477&372=479&373=484&374=491&375=519&376=521&377=523&378=526&381=529&384=533&385=547&389=555&391=580&393=584&397=586&399=590&400=592&401=596&402=616&407=628&410=636&414=640&415=644&418=650&423=655&425=684&426=688&428=691&430=698&432=703&433=705&434=711&435=715&436=725&437=730&445=751&446=776&447=779&449=783&450=787&458=824&460=848&461=852&463=855&465=863&467=868&468=880&469=884&470=895&479=903&480=920&482=923&484=927&486=935&488=940&489=944&490=948&491=952&500=959&502=1024&503=1026&505=1029&507=1042&508=1048&509=1052&510=1054&512=1056&513=1059&514=1063&515=1070&516=1089&517=1096&518=1101&519=1111&520=1155&521=1158&522=1166&523=1169&525=1174&528=1177&529=1181&530=1199&532=1203&536=1206&537=1210&539=1219&540=1222&549=1230&554=1234&555=1273&557=1276&558=1280&560=1283&562=1295&564=1299&565=1316&566=1318&567=1320&568=1323&569=1327&573=1335&579=1341&580=1351&581=1355&582=1359&583=1362&588=1367&589=1370&591=1372&592=1376&596=1380&597=1383&599=1387&601=1399&602=1404&607=1418&608=1421&610=1427&611=1436&618=1444&619=1473&620=1476&621=1480&622=1484&624=1487&625=1492&626=1496&628=1505&629=1507&630=1510&632=1519&633=1523&634=1526&636=1528&637=1532&641=1538&642=1541&644=1544&645=1548&649=1589&650=1592&652=1596&653=1599&663=1607&665=1616&666=1630&667=1632&668=1641&670=1660&671=1662&672=1673&673=1675&674=1684&675=1686&676=1695'