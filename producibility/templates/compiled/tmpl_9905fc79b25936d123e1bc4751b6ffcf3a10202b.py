from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'rules.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
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
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_3 = environment.filters['mdcode']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'mdcode' found.")
    try:
        t_4 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_5 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    yield '# '
    yield str(t_2((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '\n'
    for l_1_text in (undefined(name='basis') if l_0_basis is missing else l_0_basis):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(t_2(l_1_text))
        yield '\n'
    l_1_text = missing
    for l_1_g in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        l_1_columns = resolve('columns')
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(t_2(environment.getattr(l_1_g, 'name')))
        yield ' ('
        yield str(environment.getattr(l_1_g, 'thread'))
        yield ')\n\n| '
        yield str(t_1(context.eval_ctx, (undefined(name='columns') if l_1_columns is missing else l_1_columns), ' | '))
        yield ' |\n|---|---|---|---|---|---|---|---|\n'
        for l_2_r in environment.getattr(l_1_g, 'rules'):
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.getattr(l_2_r, 'id'))
            if environment.call(context, environment.getattr(l_2_r, 'get'), 'replaces', _loop_vars=_loop_vars):
                pass
                yield ' ('
                yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'replaces'))
                yield ')'
            yield ' | '
            yield str(t_2(environment.getattr(l_2_r, 'title')))
            yield ' | '
            yield str(environment.getattr(l_2_r, 'scope'))
            yield ' | '
            yield str(t_4(context.eval_ctx, t_3(environment.getattr(l_2_r, 'when')), '|', '\\|'))
            if environment.getattr(l_2_r, 'requires'):
                pass
                yield ' requires '
                yield str(t_1(context.eval_ctx, environment.getattr(l_2_r, 'requires'), ', '))
            if environment.getattr(l_2_r, 'unless'):
                pass
                yield ' unless '
                yield str(t_1(context.eval_ctx, environment.getattr(l_2_r, 'unless'), ', '))
            yield ' | '
            yield str(environment.getattr(l_2_r, 'consequence'))
            yield ' | '
            yield str(environment.getattr(l_2_r, 'effort'))
            yield ' | '
            yield str((environment.getattr(l_2_r, 'mrl_cap') or '-'))
            yield ' | '
            yield str(t_2((environment.getattr(l_2_r, 'source') or '')))
            yield ' |\n'
        l_2_r = missing
    l_1_g = l_1_columns = missing
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'disabled'):
            pass
            yield '\n## '
            yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'disabled_title'))
            yield '\n\n'
            for l_1_d in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'disabled'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.getattr(l_1_d, 'id'))
                yield ' ('
                yield str(t_2(environment.getattr(l_1_d, 'where')))
                yield ')\n'
            l_1_d = missing
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'settings'):
            pass
            yield '\n## '
            yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'settings_title'))
            yield '\n\n'
            for l_1_item in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'settings'):
                _loop_vars = {}
                pass
                yield '- `'
                yield str(environment.getattr(l_1_item, 'key'))
                yield '`: '
                yield str(t_5(context.eval_ctx, environment.getattr(l_1_item, 'value')))
                yield '\n'
            l_1_item = missing
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'entries'):
            pass
            yield '\n## '
            yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'entries_title'))
            yield '\n\n'
            for l_1_e in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'entries'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.getattr(l_1_e, 'kind'))
                yield ' `'
                yield str(environment.getattr(l_1_e, 'id'))
                yield '`: '
                yield str(t_2(environment.getattr(l_1_e, 'name')))
                yield ' ('
                yield str(t_2(environment.getattr(l_1_e, 'where')))
                yield ')\n'
            l_1_e = missing

blocks = {}
debug_info = '2=47&3=49&5=53&7=56&9=61&11=65&13=67&14=71&17=102&18=104&20=107&22=109&23=113&26=118&28=121&30=123&31=127&34=132&36=135&38=137&39=141'