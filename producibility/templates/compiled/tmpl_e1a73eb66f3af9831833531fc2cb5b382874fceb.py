from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'rules.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_title = resolve('title')
    l_0_basis = resolve('basis')
    l_0_groups = resolve('groups')
    l_0_changes = resolve('changes')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '"><head><meta charset="utf-8">\n<title>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</title>\n<style>\nbody{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#222}\ntable{border-collapse:collapse;width:100%;margin-bottom:1.5em;font-size:.9em}\nth,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}\nth{background:#eef}code{font-size:.95em}h2{border-bottom:2px solid #446;padding-bottom:.2em}\n@page{size:A4 landscape;margin:12mm}\n</style></head><body>\n<h1>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n'
    for l_1_text in (undefined(name='basis') if l_0_basis is missing else l_0_basis):
        _loop_vars = {}
        pass
        yield '<p>'
        yield escape(l_1_text)
        yield '</p>\n'
    l_1_text = missing
    for l_1_g in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        l_1_columns = resolve('columns')
        _loop_vars = {}
        pass
        yield '<h2>'
        yield escape(environment.getattr(l_1_g, 'name'))
        yield ' <small>('
        yield escape(environment.getattr(l_1_g, 'thread'))
        yield ')</small></h2>\n<table><tr>'
        for l_2_c in (undefined(name='columns') if l_1_columns is missing else l_1_columns):
            _loop_vars = {}
            pass
            yield '<th>'
            yield escape(l_2_c)
            yield '</th>'
        l_2_c = missing
        yield '</tr>\n'
        for l_2_r in environment.getattr(l_1_g, 'rules'):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_2_r, 'id'))
            if environment.call(context, environment.getattr(l_2_r, 'get'), 'replaces', _loop_vars=_loop_vars):
                pass
                yield ' <small>('
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'replaces'))
                yield ')</small>'
            yield '</td><td>'
            yield escape(environment.getattr(l_2_r, 'title'))
            yield '</td><td>'
            yield escape(environment.getattr(l_2_r, 'scope'))
            yield '</td><td><code>'
            yield escape(environment.getattr(l_2_r, 'when'))
            yield '</code>'
            if environment.getattr(l_2_r, 'requires'):
                pass
                yield '<br>requires '
                yield escape(t_1(context.eval_ctx, environment.getattr(l_2_r, 'requires'), ', '))
            if environment.getattr(l_2_r, 'unless'):
                pass
                yield '<br>unless '
                yield escape(t_1(context.eval_ctx, environment.getattr(l_2_r, 'unless'), ', '))
            yield '</td><td>'
            yield escape(environment.getattr(l_2_r, 'consequence'))
            yield '</td><td>'
            yield escape(environment.getattr(l_2_r, 'effort'))
            yield '</td><td>'
            yield escape((environment.getattr(l_2_r, 'mrl_cap') or '-'))
            yield '</td><td>'
            yield escape(environment.getattr(l_2_r, 'source'))
            yield '</td></tr>\n'
        l_2_r = missing
        yield '</table>\n'
    l_1_g = l_1_columns = missing
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'disabled'):
            pass
            yield '<h2>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'disabled_title'))
            yield '</h2>\n<ul>'
            for l_1_d in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'disabled'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_1_d, 'id'))
                yield ' <small>('
                yield escape(environment.getattr(l_1_d, 'where'))
                yield ')</small></li>'
            l_1_d = missing
            yield '</ul>\n'
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'settings'):
            pass
            yield '<h2>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'settings_title'))
            yield '</h2>\n<ul>'
            for l_1_item in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'settings'):
                _loop_vars = {}
                pass
                yield '<li><code>'
                yield escape(environment.getattr(l_1_item, 'key'))
                yield '</code>: '
                yield escape(t_2(context.eval_ctx, environment.getattr(l_1_item, 'value')))
                yield '</li>'
            l_1_item = missing
            yield '</ul>\n'
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'entries'):
            pass
            yield '<h2>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'entries_title'))
            yield '</h2>\n<ul>'
            for l_1_e in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'entries'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_1_e, 'kind'))
                yield ' <code>'
                yield escape(environment.getattr(l_1_e, 'id'))
                yield '</code>: '
                yield escape(environment.getattr(l_1_e, 'name'))
                yield ' <small>('
                yield escape(environment.getattr(l_1_e, 'where'))
                yield ')</small></li>'
            l_1_e = missing
            yield '</ul>\n'
    yield '</body></html>\n'

blocks = {}
debug_info = '2=30&3=32&11=34&12=36&14=43&15=48&16=52&17=60&18=64&22=97&23=99&24=102&25=104&27=114&28=117&29=119&31=129&32=132&33=134'