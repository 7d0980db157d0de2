from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'questionnaire.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_script_hash = resolve('script_hash')
    l_0_title = resolve('title')
    l_0_provider = resolve('provider')
    l_0_address = resolve('address')
    l_0_L = resolve('L')
    l_0_id = resolve('id')
    l_0_version = resolve('version')
    l_0_T = resolve('T')
    l_0_config_json = resolve('config_json')
    l_0_sections = resolve('sections')
    l_0_script = resolve('script')
    l_0_absent = l_0_field = l_0_question = missing
    try:
        t_1 = environment.filters['forceescape']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'forceescape' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_5 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_6 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    def macro(l_1_q, l_1_name):
        t_7 = []
        if l_1_q is missing:
            l_1_q = undefined("parameter 'q' was not provided", name='q')
        if l_1_name is missing:
            l_1_name = undefined("parameter 'name' was not provided", name='name')
        pass
        if environment.getattr(l_1_q, 'none'):
            pass
            t_7.extend((
                ' <label class="none absent"><input type="checkbox" name="',
                escape(l_1_name),
                '-none" value="none" data-absent> ',
                escape(environment.getattr(l_1_q, 'none')),
                '</label>',
            ))
        return concat(t_7)
    context.exported_vars.add('absent')
    context.vars['absent'] = l_0_absent = Macro(environment, macro, 'absent', ('q', 'name'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_q, l_1_prefix):
        t_8 = []
        l_1_name = missing
        if l_1_q is missing:
            l_1_q = undefined("parameter 'q' was not provided", name='q')
        if l_1_prefix is missing:
            l_1_prefix = undefined("parameter 'prefix' was not provided", name='prefix')
        pass
        l_1_name = markup_join((l_1_prefix, environment.getattr(l_1_q, 'id'), ))
        if (environment.getattr(l_1_q, 'type') == 'yes_no'):
            pass
            t_8.extend((
                '<div class="ans radios"><label><input type="radio" name="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" value="yes"> ',
                escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'yes')),
                '</label> <label><input type="radio" name="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" value="no"> ',
                escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no')),
                '</label></div>\n',
            ))
        elif (environment.getattr(l_1_q, 'type') == 'choice'):
            pass
            t_8.extend((
                '<div class="ans"><select id="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" name="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '"><option value="">',
                escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_choose')),
                '</option>\n',
            ))
            for l_2_c in environment.getattr(l_1_q, 'choices'):
                _loop_vars = {}
                pass
                t_8.extend((
                    '<option value="',
                    escape(environment.getattr(l_2_c, 'value')),
                    '"',
                ))
                if environment.getattr(l_2_c, 'not_for'):
                    pass
                    t_8.extend((
                        ' data-not-for="',
                        escape(t_1(t_6(context.eval_ctx, environment.getattr(l_2_c, 'not_for')))),
                        '"',
                    ))
                t_8.extend((
                    '>',
                    escape(environment.getattr(l_2_c, 'label')),
                    '</option>\n',
                ))
            l_2_c = missing
            t_8.extend((
                '</select>',
                escape(environment.call(context, (undefined(name='absent') if l_0_absent is missing else l_0_absent), l_1_q, (undefined(name='name') if l_1_name is missing else l_1_name))),
                '</div>\n',
            ))
        elif (environment.getattr(l_1_q, 'type') == 'multi_choice'):
            pass
            t_8.append(
                '<div class="ans checks',
            )
            if (t_3(environment.getattr(l_1_q, 'choices')) > 5):
                pass
                t_8.append(
                    ' cols',
                )
            t_8.append(
                '">\n',
            )
            for l_2_c in environment.getattr(l_1_q, 'choices'):
                _loop_vars = {}
                pass
                t_8.extend((
                    '<label><input type="checkbox" name="',
                    escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                    '" value="',
                    escape(environment.getattr(l_2_c, 'value')),
                    '"> ',
                    escape(environment.getattr(l_2_c, 'label')),
                    '</label>\n',
                ))
            l_2_c = missing
            if (not environment.getattr(l_1_q, 'min_choices')):
                pass
                t_8.extend((
                    '<label class="none"><input type="checkbox" name="',
                    escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                    '" value="" data-none> ',
                    escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_none')),
                    '</label>',
                ))
            t_8.append(
                '</div>\n',
            )
        elif (environment.getattr(l_1_q, 'type') == 'date'):
            pass
            t_8.extend((
                '<div class="ans"><input type="date" id="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" name="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '"></div>\n',
            ))
        elif (environment.getattr(l_1_q, 'type') == 'dimensions'):
            pass
            t_8.append(
                '<div class="ans dims">',
            )
            l_2_loop = missing
            for l_2_d, l_2_loop in LoopContext(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'dims'), undefined):
                _loop_vars = {}
                pass
                t_8.extend((
                    '<label>',
                    escape(l_2_d),
                    ' <input type="text" inputmode="decimal" name="',
                    escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                    '" size="6" aria-label="',
                    escape(l_2_d),
                    '"></label>',
                ))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_8.append(
                        ' × ',
                    )
            l_2_loop = l_2_d = missing
            t_8.extend((
                ' <span class="unit">',
                escape(environment.getattr(l_1_q, 'unit')),
                '</span></div>\n',
            ))
        elif (environment.getattr(l_1_q, 'type') == 'number'):
            pass
            t_8.extend((
                '<div class="ans"><input type="text" inputmode="decimal" id="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" name="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" size="10"> <span class="unit">',
                escape(environment.getattr(l_1_q, 'unit')),
            ))
            if (environment.getattr(l_1_q, 'limits') or environment.getattr(l_1_q, 'integer')):
                pass
                t_8.extend((
                    ' (',
                    escape(t_2(context.eval_ctx, t_5(context, [environment.getattr(l_1_q, 'limits'), (environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'integer') if environment.getattr(l_1_q, 'integer') else '')]), ', ')),
                    ')',
                ))
            t_8.extend((
                '</span>',
                escape(environment.call(context, (undefined(name='absent') if l_0_absent is missing else l_0_absent), l_1_q, (undefined(name='name') if l_1_name is missing else l_1_name))),
                '</div>\n',
            ))
        else:
            pass
            t_8.extend((
                '<div class="ans"><input type="text" id="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" name="',
                escape((undefined(name='name') if l_1_name is missing else l_1_name)),
                '" class="wide"></div>\n',
            ))
        return concat(t_8)
    context.exported_vars.add('field')
    context.vars['field'] = l_0_field = Macro(environment, macro, 'field', ('q', 'prefix'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_q, l_1_prefix):
        t_9 = []
        if l_1_q is missing:
            l_1_q = undefined("parameter 'q' was not provided", name='q')
        if l_1_prefix is missing:
            l_1_prefix = undefined("parameter 'prefix' was not provided", name='prefix')
        pass
        t_9.extend((
            '<div class="q" data-scope="',
            escape(environment.getattr(l_1_q, 'scope')),
            '" data-id="',
            escape(environment.getattr(l_1_q, 'id')),
            '" data-type="',
            escape(environment.getattr(l_1_q, 'type')),
            '" data-required="',
            escape((1 if environment.getattr(l_1_q, 'required') else 0)),
            '"',
        ))
        if environment.getattr(l_1_q, 'show_if'):
            pass
            t_9.extend((
                ' data-show="',
                escape(t_1(t_6(context.eval_ctx, environment.getattr(l_1_q, 'show_if')))),
                '"',
            ))
        t_9.extend((
            '>\n  <label class="t" for="',
            escape(markup_join((l_1_prefix, environment.getattr(l_1_q, 'id'), ))),
            '"><span class="num">',
            escape(environment.getattr(l_1_q, 'number')),
            '</span>',
            escape(environment.getattr(l_1_q, 'text')),
        ))
        if environment.getattr(l_1_q, 'required'):
            pass
            t_9.extend((
                ' <span class="req" title="',
                escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'required')),
                '">*</span>',
            ))
        t_9.append(
            '</label>\n',
        )
        if environment.getattr(l_1_q, 'help'):
            pass
            t_9.extend((
                '  <p class="help">',
                escape(environment.getattr(l_1_q, 'help')),
                '</p>\n',
            ))
        if environment.getattr(l_1_q, 'condition'):
            pass
            t_9.extend((
                '  <p class="cond">',
                escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'only_if')),
                ' ',
                escape(environment.getattr(l_1_q, 'condition')),
                '.</p>\n',
            ))
        t_9.extend((
            '  ',
            escape(environment.call(context, (undefined(name='field') if l_0_field is missing else l_0_field), l_1_q, l_1_prefix)),
            '\n</div>\n',
        ))
        return concat(t_9)
    context.exported_vars.add('question')
    context.vars['question'] = l_0_question = Macro(environment, macro, 'question', ('q', 'prefix'), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; script-src \''
    yield escape((undefined(name='script_hash') if l_0_script_hash is missing else l_0_script_hash))
    yield '\'">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    if environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'name'):
        pass
        yield ' · '
        yield escape(environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'name'))
    yield '</title>\n<style>\n@page { size: A4; margin: 14mm 15mm 16mm; }\n* { box-sizing: border-box; }\nhtml { background: #eef1f4; }\nbody { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 11pt;\n  line-height: 1.45; color: #111; max-width: 190mm; margin: 1.5em auto; padding: 1.2em 1.4em; background: #fff; }\nheader.shop { display: flex; justify-content: space-between; gap: 1em; flex-wrap: wrap; border-bottom: 2px solid #24476b;\n  padding-bottom: .5em; margin-bottom: .8em; }\n.shop .name { font-weight: 700; font-size: 13pt; color: #24476b; }\n.shop .address { font-size: 9.5pt; color: #444; }\nh1 { font-size: 17pt; margin: 0 0 .15em; }\n.meta { color: #555; font-size: 9pt; margin: 0 0 .6em; }\n.intro { margin: 0 0 .3em; }\n.how-to { background: #f4f6f9; border-radius: 6px; padding: .5em .8em; font-size: 10pt; }\nfieldset { border: none; padding: 0; margin: 0; min-width: 0; }\nh2 { font-size: 13pt; color: #223; border-bottom: 2px solid #335; padding-bottom: .1em; margin: 1.3em 0 .6em;\n  break-after: avoid; page-break-after: avoid; }\n.q { margin: 0 0 1em; break-inside: avoid; page-break-inside: avoid; }\n.q[hidden] { display: none; }\n.q .t { font-weight: 600; display: block; }\n.num { display: inline-block; min-width: 2.8em; color: #335; font-weight: 600; }\n.req { color: #a00; font-weight: 600; }\n.help, .cond, .ans { margin-left: 2.8em; }\n.help { color: #444; font-size: 9.5pt; margin-top: .1em; margin-bottom: .2em; }\n.cond { color: #555; font-size: 9pt; font-style: italic; margin: 0 0 .2em 2.8em; }\n.ans { margin-top: .3em; }\ninput[type=text], input[type=date], select { font: inherit; padding: .3em .4em; border: 1px solid #8a94a3;\n  border-radius: 4px; max-width: 100%; background: #fff; }\ninput.wide { width: 30em; }\n.q.invalid input { border-color: #b1261d; background: #fdebe9; }\n.unit { font-size: 9.5pt; color: #333; }\n.checks label, .radios label { display: inline-block; margin: 0 1.2em .2em 0; }\n.checks.cols { columns: 2; column-gap: 2em; }\n.checks.cols label { display: block; break-inside: avoid; }\n.checks label.none, label.absent { font-style: italic; }\nlabel.absent { white-space: nowrap; margin-left: .6em; display: inline-block; }\n.dims label { white-space: nowrap; }\n.part { border: 1px solid #c9d0d9; border-radius: 8px; padding: .6em .9em .2em; margin: 0 0 1em; }\n.part h3 { font-size: 11.5pt; margin: 0 0 .6em; display: flex; justify-content: space-between; gap: 1em; align-items: baseline; }\nbutton { font: inherit; padding: .45em 1em; border-radius: 5px; border: 1px solid #24476b; background: #fff; color: #24476b; cursor: pointer; }\nbutton.primary { background: #24476b; color: #fff; font-weight: 600; }\nbutton.remove-part { font-size: 9pt; padding: .15em .6em; border-color: #999; color: #555; }\n.save { margin: 1.5em 0 .5em; padding-top: .8em; border-top: 2px solid #335; }\n#status { margin: .6em 0; font-size: 10pt; }\ndetails.preview { margin-top: .6em; font-size: 9.5pt; }\ndetails.preview pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f6f9; padding: .6em; border-radius: 5px; }\n@media (max-width: 600px) {\n  body { margin: 0; padding: .8em; font-size: 11.5pt; }\n  .help, .cond, .ans { margin-left: 0; }\n  .num { min-width: 2.2em; }\n  .checks.cols { columns: 1; }\n  input.wide { width: 100%; }\n  select { width: 100%; }\n}\n@media print {\n  html { background: #fff; }\n  body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }\n  .save, .remove-part, #add-part, details.preview, .how-to { display: none; }\n  .q[hidden] { display: block; }\n}\n</style>\n</head>\n<body>\n<header class="shop">\n'
    if environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'name'):
        pass
        yield '  <div class="name">'
        yield escape(environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'name'))
        yield '</div>\n'
    yield '  <div class="address">'
    for l_1_line in (undefined(name='address') if l_0_address is missing else l_0_address):
        _loop_vars = {}
        pass
        yield escape(l_1_line)
        yield '<br>'
    l_1_line = missing
    if environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'email'):
        pass
        yield escape(environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'email'))
        yield '<br>'
    if environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'phone'):
        pass
        yield escape(environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'phone'))
    yield '</div>\n</header>\n<h1>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n<p class="meta">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questionnaire'))
    yield ' '
    yield escape((undefined(name='id') if l_0_id is missing else l_0_id))
    yield ' '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '</p>\n<p class="intro">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'intro'))
    yield '</p>\n<p class="how-to">'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_how'))
    yield '</p>\n<p class="legend">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'legend'))
    yield '</p>\n<form id="request-form" data-config="'
    yield escape((undefined(name='config_json') if l_0_config_json is missing else l_0_config_json))
    yield '" novalidate>\n<div id="request-questions">\n'
    def t_10(fiter):
        for l_1_s in fiter:
            if (not environment.getattr(l_1_s, 'repeat')):
                yield l_1_s
    for l_1_s in t_10((undefined(name='sections') if l_0_sections is missing else l_0_sections)):
        _loop_vars = {}
        pass
        yield '<fieldset>\n<h2>'
        yield escape(environment.getattr(l_1_s, 'number'))
        yield '. '
        yield escape(environment.getattr(l_1_s, 'title'))
        yield '</h2>\n'
        for l_2_q in environment.getattr(l_1_s, 'questions'):
            _loop_vars = {}
            pass
            yield escape(environment.call(context, (undefined(name='question') if l_0_question is missing else l_0_question), l_2_q, '', _loop_vars=_loop_vars))
            yield '\n'
        l_2_q = missing
        yield '</fieldset>\n'
    l_1_s = missing
    yield '</div>\n'
    def t_11(fiter):
        for l_1_s in fiter:
            if environment.getattr(l_1_s, 'repeat'):
                yield l_1_s
    for l_1_s in t_11((undefined(name='sections') if l_0_sections is missing else l_0_sections)):
        _loop_vars = {}
        pass
        yield '<h2>'
        yield escape(environment.getattr(l_1_s, 'number'))
        yield '. '
        yield escape(environment.getattr(l_1_s, 'title'))
        yield '</h2>\n<div id="parts"></div>\n<template id="part-template">\n<fieldset class="part">\n<h3><span>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
        yield ' <span class="part-number">1</span></span><button type="button" class="remove-part">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_remove_part'))
        yield '</button></h3>\n'
        for l_2_q in environment.getattr(l_1_s, 'questions'):
            _loop_vars = {}
            pass
            yield escape(environment.call(context, (undefined(name='question') if l_0_question is missing else l_0_question), l_2_q, 'p__n__-', _loop_vars=_loop_vars))
            yield '\n'
        l_2_q = missing
        yield '</fieldset>\n</template>\n<p><button type="button" id="add-part">+ '
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_add_part'))
        yield '</button></p>\n'
    l_1_s = missing
    yield '<div class="save">\n<button type="submit" class="primary" id="save">'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_save'))
    yield '</button>\n<button type="button" id="save-json">'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_json'))
    yield '</button>\n<a id="download" hidden></a>\n<p id="status" role="status"></p>\n'
    if (environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'email') or environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'name')):
        pass
        yield '<p class="small">'
        yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_to'))
        yield ': '
        yield escape((environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'name') or ''))
        if environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'email'):
            pass
            yield ' &lt;'
            yield escape(environment.call(context, environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'get'), 'email'))
            yield '&gt;'
        yield '</p>'
    yield '<details class="preview"><summary>'
    yield escape(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'form_preview'))
    yield '</summary><pre id="preview"></pre></details>\n</div>\n</form>\n<script>'
    yield escape(t_4((undefined(name='script') if l_0_script is missing else l_0_script)))
    yield '</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '8=60&9=79&10=87&11=88&12=92&13=101&14=105&15=112&16=135&17=138&18=143&19=151&21=164&23=176&24=180&25=185&26=191&27=214&28=218&30=240&33=248&34=257&35=275&36=291&38=298&40=309&44=316&47=318&49=320&114=326&116=332&118=346&119=348&120=354&121=356&122=358&123=360&125=362&127=370&128=374&129=377&134=383&135=391&139=395&140=399&141=402&145=406&148=410&149=412&152=414&153=427&156=429'