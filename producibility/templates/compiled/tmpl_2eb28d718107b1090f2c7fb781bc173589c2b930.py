from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_q = l_0_e = l_0_m = l_0_inputs = l_0_provider = l_0_swatch = missing
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
    l_0_provider = environment.call(context, environment.getattr((environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'equipment') or {}), 'get'), 'provider')
    context.vars['provider'] = l_0_provider
    context.exported_vars.add('provider')
    l_0_swatch = {'low': '🟩', 'moderate': '🟨', 'high': '🟥'}
    context.vars['swatch'] = l_0_swatch
    context.exported_vars.add('swatch')
    yield from context.blocks['header'][0](context)
    yield '\n'
    yield from context.blocks['verdict'][0](context)
    yield '\n'
    yield from context.blocks['figures'][0](context)
    yield '\n'
    yield from context.blocks['mrl'][0](context)
    yield '\n'
    yield from context.blocks['heat_map'][0](context)
    yield '\n'
    yield from context.blocks['questions'][0](context)
    yield '\n'
    yield from context.blocks['risks'][0](context)
    yield '\n'
    yield from context.blocks['other_findings'][0](context)
    yield from context.blocks['assignments'][0](context)
    yield '\n'
    yield from context.blocks['quote'][0](context)
    yield '\n'
    yield from context.blocks['trace'][0](context)
    yield '\n'
    yield from context.blocks['footer'][0](context)

def block_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_q = resolve('q')
    l_0_provider = resolve('provider')
    l_0_purpose_name = resolve('purpose_name')
    l_0_inputs = resolve('inputs')
    try:
        t_1 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '# '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'title'))
    yield ': '
    yield str(t_2((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'id') or '?')))
    yield '\n\n'
    if (undefined(name='provider') if l_0_provider is missing else l_0_provider):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'provider'))
        yield ': **'
        yield str(t_2((undefined(name='provider') if l_0_provider is missing else l_0_provider)))
        yield '**\n\n'
    yield '| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'customer'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'purpose'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'quantity'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'parts'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'wanted_date'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'as_of'))
    yield ' |\n|---|---|--:|--:|---|---|\n| '
    yield str(t_2((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'customer') or '–')))
    yield ' | '
    yield str(t_2((environment.call(context, (undefined(name='purpose_name') if l_0_purpose_name is missing else l_0_purpose_name), environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'purpose'), _block_vars=_block_vars) or environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'unknown'))))
    yield ' | '
    yield str((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'quantity') if (not t_3(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'quantity'))) else '?'))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'pcs'))
    yield ' | '
    yield str(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'parts'))
    yield ' | '
    yield str(t_2((t_1(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'wanted_date')) or '–')))
    yield ' | '
    yield str(t_2((t_1(environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'as_of', _block_vars=_block_vars)) or '–')))
    yield ' |\n'

def block_verdict(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_r = resolve('r')
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'verdict'))
    yield ': '
    yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')))
    yield '\n\n> '
    yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'verdict_help'), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')))
    yield '\n\n'
    for l_1_reason in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict_reasons'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_2(l_1_reason))
        yield '\n'
    l_1_reason = missing

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
    l_0_r = resolve('r')
    l_0_nothing_priced = resolve('nothing_priced')
    l_0_contingency = resolve('contingency')
    l_0_per_unit = resolve('per_unit')
    try:
        t_4 = environment.filters['eur0']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'eur0' found.")
    try:
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_6 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_7 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    pass
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'effort'))
    yield ' & '
    yield str(t_6(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'cost')))
    yield '\n\n| | |\n|---|--:|\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'effort_class'))
    yield ' | **'
    yield str((environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'class') or '–'))
    yield '** ('
    yield str(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'total_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ') |\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'engineering'))
    yield ' | '
    yield str(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'engineering_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' |\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'cam'))
    yield ' | '
    yield str(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cam_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' |\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'inspection'))
    yield ' | '
    yield str(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'inspection_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' |\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup'))
    yield ' | '
    yield str(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'setup_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' |\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'run'))
    yield ' | '
    yield str(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'run_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    if environment.call(context, (undefined(name='run_missing') if l_0_run_missing is missing else l_0_run_missing), _block_vars=_block_vars):
        pass
        yield ' ('
        yield str(t_2(environment.call(context, (undefined(name='run_missing') if l_0_run_missing is missing else l_0_run_missing), _block_vars=_block_vars)))
        yield ')'
    yield ' |\n'
    if (not environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time')):
        pass
        yield '| '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'extra_lead_time'))
        yield ' | '
        yield str(t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'longest_wait_days')))
        yield ' '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'days'))
        yield ' |\n'
    yield '| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'cost_range'))
    yield ' | '
    if environment.call(context, (undefined(name='nothing_priced') if l_0_nothing_priced is missing else l_0_nothing_priced), _block_vars=_block_vars):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_priced'))
        yield ': '
        yield str(t_2(t_5(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'not_made'), ', ')))
    else:
        pass
        yield '**'
        yield str(t_4(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cost_eur'), 'low')))
        yield ' – '
        yield str(t_4(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cost_eur'), 'high')))
        yield '** ('
        yield str(environment.call(context, (undefined(name='contingency') if l_0_contingency is missing else l_0_contingency), _block_vars=_block_vars))
        yield ')'
        if environment.call(context, (undefined(name='per_unit') if l_0_per_unit is missing else l_0_per_unit), _block_vars=_block_vars):
            pass
            yield '; '
            yield str(t_2(environment.call(context, (undefined(name='per_unit') if l_0_per_unit is missing else l_0_per_unit), _block_vars=_block_vars)))
    yield ' |\n'

def block_mrl(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_m = resolve('m')
    l_0_counted = resolve('counted')
    l_0_mrl_rows = resolve('mrl_rows')
    try:
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_8 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_by_thread'))
    yield '\n\n'
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl'))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'overall'))
    yield ' **'
    yield str((environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall') if (not t_3(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall'))) else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed')))
    yield '**'
    if environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'not_assessed'):
        pass
        yield ' ('
        yield str(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed_count'), environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'not_assessed'), _block_vars=_block_vars))
        yield ')'
    if (not t_3(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))):
        pass
        yield ', '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'target'))
        yield ' **'
        yield str(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))
        yield '** ('
        yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_levels'), t_8(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))))
        yield ')'
    else:
        pass
        yield ' ('
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_target'))
        yield ')'
    yield '.\n\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'thread'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl'))
    yield ' | 1 … 10 | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_why'))
    yield ' |\n|---|--:|---|---|\n'
    for l_1_t in (undefined(name='mrl_rows') if l_0_mrl_rows is missing else l_0_mrl_rows):
        l_1_thread_name = resolve('thread_name')
        l_1_range = resolve('range')
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.call(context, (undefined(name='thread_name') if l_1_thread_name is missing else l_1_thread_name), environment.getattr(l_1_t, 'id'), _loop_vars=_loop_vars))
        yield ' | '
        if (not environment.getattr(l_1_t, 'assessed')):
            pass
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed'))
        elif environment.getattr(l_1_t, 'below'):
            pass
            yield '**'
            yield str(environment.getattr(l_1_t, 'level'))
            yield '** ('
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'below_target'))
            yield ')'
        else:
            pass
            yield str(environment.getattr(l_1_t, 'level'))
        yield ' | `'
        for l_2_i in environment.call(context, (undefined(name='range') if l_1_range is missing else l_1_range), 1, 11, _loop_vars=_loop_vars):
            _loop_vars = {}
            pass
            yield str(('█' if (environment.getattr(l_1_t, 'assessed') and (l_2_i <= environment.getattr(l_1_t, 'level'))) else '░'))
            if (((not t_3(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))) and (l_2_i == environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))) and (l_2_i < 10)):
                pass
                yield '│'
        l_2_i = missing
        yield '` | '
        if environment.getattr(l_1_t, 'capped_by'):
            pass
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'capped_by'))
            yield ' '
            yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_1_t, 'capped_by'), ', ')))
        elif environment.getattr(l_1_t, 'unanswered'):
            pass
            yield str((environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'to_earn') if environment.getattr(l_1_t, 'assessed') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'to_assess')))
            yield ': '
            yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_1_t, 'unanswered'), ', ')))
        elif environment.getattr(l_1_t, 'not_met'):
            pass
            yield str(t_2(environment.getattr(l_1_t, 'not_met')))
        if environment.getattr(l_1_t, 'assumed'):
            pass
            yield str(('; ' if ((environment.getattr(l_1_t, 'capped_by') or environment.getattr(l_1_t, 'unanswered')) or environment.getattr(l_1_t, 'not_met')) else ''))
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rests_on'))
            yield ': '
            yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_1_t, 'assumed'), ', ')))
        yield ' |\n'
    l_1_t = l_1_thread_name = l_1_range = missing
    yield '\n'
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_legend'))
    yield '\n'

def block_heat_map(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_heat = resolve('heat')
    try:
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_map'))
    yield '\n\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'likelihood'))
    yield ' ↓ / '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'consequence'))
    yield ' → | 1 | 2 | 3 | 4 | 5 |\n|--:|---|---|---|---|---|\n'
    for l_1_row in environment.getattr((undefined(name='heat') if l_0_heat is missing else l_0_heat), 'rows'):
        _loop_vars = {}
        pass
        yield '| **'
        yield str(environment.getattr(l_1_row, 'likelihood'))
        yield '** |'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            l_2_swatch = resolve('swatch')
            _loop_vars = {}
            pass
            yield ' '
            yield str(environment.call(context, environment.getattr((undefined(name='swatch') if l_2_swatch is missing else l_2_swatch), 'get'), environment.getattr(l_2_cell, 'level'), '⬜', _loop_vars=_loop_vars))
            if environment.getattr(l_2_cell, 'count'):
                pass
                yield ' **'
                yield str(environment.getattr(l_2_cell, 'count'))
                yield '** '
                yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_2_cell, 'ids'), ' ')))
            yield ' |'
        l_2_cell = l_2_swatch = missing
        yield '\n'
    l_1_row = missing
    yield '\n'
    l_1_loop = missing
    for l_1_level, l_1_loop in LoopContext(['low', 'moderate', 'high'], undefined):
        l_1_swatch = resolve('swatch')
        _loop_vars = {}
        pass
        yield str(environment.getitem((undefined(name='swatch') if l_1_swatch is missing else l_1_swatch), l_1_level))
        yield ' '
        yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'levels'), l_1_level))
        yield str((' · ' if (not environment.getattr(l_1_loop, 'last')) else '. '))
    l_1_loop = l_1_level = l_1_swatch = missing
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_legend_count'))
    yield ' '
    yield str((environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_legend_report') if (environment.getattr((undefined(name='heat') if l_0_heat is missing else l_0_heat), 'source') == 'report') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'heat_legend_inferred')))
    yield '\n'

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
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_9 = environment.filters['mdcode']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'mdcode' found.")
    pass
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questions'))
    yield str((str_join((': ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'), )) if (not environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions')) else ''))
    yield '\n\n'
    l_1_loop = missing
    for l_1_oq, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions'), undefined):
        l_1_what_if_shown = resolve('what_if_shown')
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_loop, 'index'))
        yield '. '
        if environment.getattr(l_1_oq, 'part'):
            pass
            yield '**'
            yield str(t_2(environment.getattr(l_1_oq, 'part')))
            yield '**: '
        yield str(t_2(environment.getattr(l_1_oq, 'question')))
        yield ' ('
        yield str(t_9(environment.getattr(l_1_oq, 'field')))
        yield ')'
        if (environment.getattr(l_1_oq, 'decisive') and (environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict') != 'no_fit')):
            pass
            yield ': *'
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'decisive'))
            yield '*'
        yield ' ('
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rules'))
        yield ': '
        yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_1_oq, 'rules'), ', ')))
        yield ')\n'
        for l_2_p in environment.call(context, (undefined(name='what_if_shown') if l_1_what_if_shown is missing else l_1_what_if_shown), l_1_oq, _loop_vars=_loop_vars):
            l_2_answer_text = resolve('answer_text')
            _loop_vars = {}
            pass
            yield '    - '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'if_answer'))
            yield ' '
            yield str(t_2(environment.call(context, (undefined(name='answer_text') if l_2_answer_text is missing else l_2_answer_text), environment.getattr(l_1_oq, 'field'), environment.getattr(l_2_p, 'answer'), _loop_vars=_loop_vars)))
            yield ': '
            if (environment.getattr(l_2_p, 'verdict') != environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')):
                pass
                yield '**'
                yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr(l_2_p, 'verdict')))
                yield '**'
                yield str((str_join((' (+ ', t_2(t_5(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', ')), ')', )) if environment.getattr(l_2_p, 'new_findings') else ''))
            else:
                pass
                yield '+ '
                yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', ')))
            yield '\n'
        l_2_p = l_2_answer_text = missing
    l_1_loop = l_1_oq = l_1_what_if_shown = missing
    yield from context.blocks['assumed'][0](context)

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
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_9 = environment.filters['mdcode']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'mdcode' found.")
    pass
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assumed'):
        pass
        yield '\n### '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'assumed'))
        yield '\n\n'
        for l_1_a in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assumed'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'assumed'))
            yield ': '
            yield str(t_2(environment.getattr(l_1_a, 'text')))
            if environment.getattr(l_1_a, 'parts'):
                pass
                yield ' ('
                yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_1_a, 'parts'), ', ')))
                yield ')'
            yield ' - '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'please_confirm'))
            yield ' ('
            yield str(t_9(environment.getattr(l_1_a, 'field')))
            yield ')'
            for l_2_p in environment.getattr(l_1_a, 'what_if')[:2]:
                l_2_answer_text = resolve('answer_text')
                _loop_vars = {}
                pass
                yield '; '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'if_not'))
                yield ' ('
                yield str(t_2(environment.call(context, (undefined(name='answer_text') if l_2_answer_text is missing else l_2_answer_text), environment.getattr(l_1_a, 'field'), environment.getattr(l_2_p, 'answer'), _loop_vars=_loop_vars)))
                yield '): '
                if (environment.getattr(l_2_p, 'verdict') != environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')):
                    pass
                    yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr(l_2_p, 'verdict')))
                    if environment.getattr(l_2_p, 'new_findings'):
                        pass
                        yield ' ('
                        yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', ')))
                        yield ')'
                else:
                    pass
                    yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', ')))
            l_2_p = l_2_answer_text = missing
            yield '\n'
        l_1_a = missing

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
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'risk_register'))
    yield str((str_join((': ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'), )) if (not (undefined(name='risks') if l_0_risks is missing else l_0_risks)) else ''))
    yield '\n\n'
    if (undefined(name='risks') if l_0_risks is missing else l_0_risks):
        pass
        yield '| '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'score'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rule'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'thread'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'message'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mitigation'))
        yield ' |\n|---|---|---|---|---|\n'
        for l_1_f in (undefined(name='risk_rows') if l_0_risk_rows is missing else l_0_risk_rows):
            l_1_swatch = resolve('swatch')
            l_1_thread_name = resolve('thread_name')
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.call(context, environment.getattr((undefined(name='swatch') if l_1_swatch is missing else l_1_swatch), 'get'), environment.getattr(environment.getattr(l_1_f, 'risk'), 'level'), '', _loop_vars=_loop_vars))
            yield ' '
            yield str(environment.getattr(environment.getattr(l_1_f, 'risk'), 'score'))
            yield ' '
            yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'levels'), 'get'), environment.getattr(environment.getattr(l_1_f, 'risk'), 'level'), environment.getattr(environment.getattr(l_1_f, 'risk'), 'level'), _loop_vars=_loop_vars))
            yield ' ('
            yield str(environment.getattr(environment.getattr(l_1_f, 'risk'), 'likelihood'))
            yield '×'
            yield str(environment.getattr(environment.getattr(l_1_f, 'risk'), 'consequence'))
            yield ') | '
            yield str(t_2(environment.getattr(l_1_f, 'rule')))
            yield ' | '
            yield str(environment.call(context, (undefined(name='thread_name') if l_1_thread_name is missing else l_1_thread_name), environment.getattr(l_1_f, 'thread'), _loop_vars=_loop_vars))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_f, 'message')))
            if (environment.getattr(l_1_f, 'kind') != 'risk'):
                pass
                yield ' *('
                yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_f, 'kind'), environment.getattr(l_1_f, 'kind'), _loop_vars=_loop_vars))
                yield ')*'
            yield ' | '
            yield str(t_2(environment.getattr(l_1_f, 'mitigation')))
            yield ' |\n'
        l_1_f = l_1_swatch = l_1_thread_name = missing

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
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    if (undefined(name='others') if l_0_others is missing else l_0_others):
        pass
        yield '## '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'findings'))
        yield '\n\n| '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kind'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rule'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'thread'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'message'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mitigation'))
        yield ' |\n|---|---|---|---|---|\n'
        for l_1_f in (undefined(name='other_rows') if l_0_other_rows is missing else l_0_other_rows):
            l_1_thread_name = resolve('thread_name')
            _loop_vars = {}
            pass
            yield '| '
            if (environment.getattr(l_1_f, 'kind') == 'blocker'):
                pass
                yield '**'
                yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_f, 'kind'), environment.getattr(l_1_f, 'kind'), _loop_vars=_loop_vars))
                yield '**'
            else:
                pass
                yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_f, 'kind'), environment.getattr(l_1_f, 'kind'), _loop_vars=_loop_vars))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_f, 'rule')))
            yield ' | '
            yield str(environment.call(context, (undefined(name='thread_name') if l_1_thread_name is missing else l_1_thread_name), environment.getattr(l_1_f, 'thread'), _loop_vars=_loop_vars))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_f, 'message')))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_f, 'mitigation')))
            yield ' |\n'
        l_1_f = l_1_thread_name = missing
        yield '\n'

def block_assignments(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_L = resolve('L')
    l_0_r = resolve('r')
    l_0_rejected = resolve('rejected')
    try:
        t_10 = environment.filters['closest']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'closest' found.")
    try:
        t_11 = environment.filters['count']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'count' found.")
    try:
        t_12 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_13 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
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
        t_15 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_15(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_16 = environment.filters['unlisted']
    except KeyError:
        @internalcode
        def t_16(*unused):
            raise TemplateRuntimeError("No filter named 'unlisted' found.")
    try:
        t_17 = environment.filters['unnamed']
    except KeyError:
        @internalcode
        def t_17(*unused):
            raise TemplateRuntimeError("No filter named 'unnamed' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'assignments'))
    yield '\n\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assignments'):
        pass
        yield '| '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'process'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'machine'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup_h'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'run_h'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
        yield ' |\n|---|---|---|--:|--:|--:|\n'
        l_1_loop = missing
        for l_1_a, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assignments'), undefined):
            l_1_process_name = resolve('process_name')
            l_1_counted = resolve('counted')
            _loop_vars = {}
            pass
            if environment.getattr(l_1_a, 'machine'):
                pass
                yield '| '
                yield str(t_2(environment.getattr(l_1_a, 'part')))
                yield ' | '
                yield str(t_2(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars)))
                yield ' | '
                yield str(t_2(environment.getattr(l_1_a, 'machine_name')))
                yield ' ('
                yield str(t_2(environment.getattr(l_1_a, 'machine')))
                yield ')'
                if environment.getattr(l_1_a, 'marginal'):
                    pass
                    yield '; *'
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'marginal'))
                    yield '*: '
                    yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_1_a, 'marginal'), '; ')))
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'split', _loop_vars=_loop_vars):
                    pass
                    yield '; *'
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'split'))
                    yield '*: '
                    l_2_loop = missing
                    for l_2_s, l_2_loop in LoopContext(t_14(environment.getattr(l_1_a, 'split')), undefined):
                        _loop_vars = {}
                        pass
                        yield str(t_2(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'split_share'), 'format'), pieces=t_11(environment.getattr(l_2_s, 'pieces')), machine=environment.getattr(l_2_s, 'name'), _loop_vars=_loop_vars)))
                        if (not environment.getattr(l_2_loop, 'last')):
                            pass
                            yield ', '
                    l_2_loop = l_2_s = missing
                    if t_17(environment.getattr(l_1_a, 'split')):
                        pass
                        yield ' '
                        yield str(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_17(environment.getattr(l_1_a, 'split')), _loop_vars=_loop_vars))
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'late', _loop_vars=_loop_vars):
                    pass
                    yield '; *'
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'late'))
                    yield '*: '
                    yield str(t_2(environment.getattr(l_1_a, 'late')))
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'sooner', _loop_vars=_loop_vars):
                    pass
                    yield '; '
                    yield str(t_2(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sooner'), 'format'), days=environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'working_days_count'), environment.getattr(environment.getattr(l_1_a, 'sooner'), 'slack_days'), _loop_vars=_loop_vars), instead=environment.getattr(environment.getattr(l_1_a, 'sooner'), 'instead_slack_days'), machine=environment.getattr(environment.getattr(l_1_a, 'sooner'), 'instead_of'), extra=t_12(environment.getattr(environment.getattr(l_1_a, 'sooner'), 'extra_eur')), _loop_vars=_loop_vars)))
                if ('bar_mm' in l_1_a):
                    pass
                    yield '; '
                    if (not t_3(environment.getattr(l_1_a, 'bar_mm'))):
                        pass
                        yield str(t_2(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar_stock'), 'format'), bar=t_7(environment.getattr(l_1_a, 'bar_mm')), _loop_vars=_loop_vars)))
                    else:
                        pass
                        yield str(t_2(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sawn_blank')))
                if environment.call(context, environment.getattr(l_1_a, 'get'), 'alternative_amounts', _loop_vars=_loop_vars):
                    pass
                    yield '; '
                    yield str(t_2((environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives_weighed'), 'format'), amount=t_12(environment.getattr(l_1_a, 'weighed_eur')), _loop_vars=_loop_vars) if (not t_3(environment.call(context, environment.getattr(l_1_a, 'get'), 'weighed_eur', _loop_vars=_loop_vars))) else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives'))))
                    yield ': '
                    l_2_loop = missing
                    for l_2_x, l_2_loop in LoopContext(t_14(environment.getattr(l_1_a, 'alternative_amounts')), undefined):
                        _loop_vars = {}
                        pass
                        yield str(t_2(environment.getattr(l_2_x, 'machine')))
                        yield ' '
                        yield str(t_12(environment.getattr(l_2_x, 'amount_eur')))
                        yield ' ('
                        yield str(t_2(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'why_lost'), environment.getattr(l_2_x, 'why'))))
                        if ('bar_mm' in l_2_x):
                            pass
                            yield '; '
                            if (not t_3(environment.getattr(l_2_x, 'bar_mm'))):
                                pass
                                yield str(t_2(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar_stock'), 'format'), bar=t_7(environment.getattr(l_2_x, 'bar_mm')), _loop_vars=_loop_vars)))
                            else:
                                pass
                                yield str(t_2(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sawn_blank')))
                        yield ')'
                        if (not environment.getattr(l_2_loop, 'last')):
                            pass
                            yield ', '
                    l_2_loop = l_2_x = missing
                    if t_17(environment.getattr(l_1_a, 'alternative_amounts')):
                        pass
                        yield ', '
                        yield str(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_17(environment.getattr(l_1_a, 'alternative_amounts')), _loop_vars=_loop_vars))
                elif environment.getattr(l_1_a, 'alternatives'):
                    pass
                    yield '; '
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives'))
                    yield ': '
                    yield str(t_2(t_5(context.eval_ctx, t_14(environment.getattr(l_1_a, 'alternatives')), ', ')))
                    if t_17(environment.getattr(l_1_a, 'alternatives')):
                        pass
                        yield ' '
                        yield str(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_17(environment.getattr(l_1_a, 'alternatives')), _loop_vars=_loop_vars))
                yield ' | '
                yield str(t_7(environment.getattr(l_1_a, 'setup_h')))
                yield ' | '
                if (not t_3(environment.getattr(l_1_a, 'run_h'))):
                    pass
                    yield str(t_7(environment.getattr(l_1_a, 'run_h')))
                    if (environment.call(context, environment.getattr(l_1_a, 'get'), 'run_basis', _loop_vars=_loop_vars) == 'estimated'):
                        pass
                        yield ' ('
                        yield str(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bases'), 'estimated'))
                        yield ')'
                else:
                    pass
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup_only'))
                yield ' | '
                yield str(t_12(environment.getattr(l_1_a, 'amount_eur')))
                yield ' |\n'
            elif environment.call(context, environment.getattr(l_1_a, 'get'), 'partner', _loop_vars=_loop_vars):
                pass
                yield '| '
                yield str(t_2(environment.getattr(l_1_a, 'part')))
                yield ' | '
                yield str(t_2(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars)))
                yield ' | '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'outside_work'))
                yield ': '
                yield str(t_2(environment.getattr(environment.getattr(l_1_a, 'partner'), 'name')))
                yield ' ('
                yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'partner_days'), 'format'), days=environment.getattr(environment.getattr(l_1_a, 'partner'), 'lead_time_days'), _loop_vars=_loop_vars))
                yield ') | | | '
                yield str(t_12(environment.getattr(environment.getattr(l_1_a, 'partner'), 'amount_eur')))
                yield ' |\n'
            elif (not environment.getattr(l_1_a, 'judged')):
                pass
                yield '| '
                yield str(t_2(environment.getattr(l_1_a, 'part')))
                yield ' | '
                yield str(t_2(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars)))
                yield ' | *'
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_judged'))
                yield '* | | | |\n'
            else:
                pass
                yield '| '
                yield str(t_2(environment.getattr(l_1_a, 'part')))
                yield ' | '
                yield str(t_2(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars)))
                yield ' | **'
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_machine'))
                yield '** | | | |\n'
        l_1_loop = l_1_a = l_1_process_name = l_1_counted = missing
        l_0_rejected = t_13(context.eval_ctx, t_15(context, environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assignments'), 'rejected'))
        _block_vars['rejected'] = l_0_rejected
        if (undefined(name='rejected') if l_0_rejected is missing else l_0_rejected):
            pass
            yield '\n**'
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rejected_machines'))
            yield '**\n\n'
            for l_1_a in (undefined(name='rejected') if l_0_rejected is missing else l_0_rejected):
                l_1_process_name = resolve('process_name')
                l_1_counted = resolve('counted')
                _loop_vars = {}
                pass
                for l_2_x in t_10(environment.getattr(l_1_a, 'rejected')):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(t_2(environment.getattr(l_1_a, 'part')))
                    yield ' ('
                    yield str(t_2(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars)))
                    yield '): '
                    yield str(t_2(environment.getattr(l_2_x, 'name')))
                    yield ' ('
                    yield str(t_2(environment.getattr(l_2_x, 'machine')))
                    yield '): '
                    yield str(t_2(t_5(context.eval_ctx, environment.getattr(l_2_x, 'reasons'), '; ')))
                    yield '\n'
                l_2_x = missing
                if t_16(environment.getattr(l_1_a, 'rejected')):
                    pass
                    yield '- '
                    yield str(t_2(environment.getattr(l_1_a, 'part')))
                    yield ' ('
                    yield str(t_2(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars)))
                    yield '): '
                    yield str(t_2(environment.call(context, (undefined(name='counted') if l_1_counted is missing else l_1_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_rejected'), t_16(environment.getattr(l_1_a, 'rejected')), _loop_vars=_loop_vars)))
                    yield '\n'
            l_1_a = l_1_process_name = l_1_counted = missing
    else:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_assignments'))
        yield '\n'

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
        t_12 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_7 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_t = environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'totals')
    _block_vars['t'] = l_0_t
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'quote'))
    yield str((str_join((' (', environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'currency'), ')', )) if (undefined(name='quote_lines') if l_0_quote_lines is missing else l_0_quote_lines) else str_join((': ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'), ))))
    yield '\n\n'
    if (undefined(name='quote_lines') if l_0_quote_lines is missing else l_0_quote_lines):
        pass
        yield '| '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kind'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'description'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rate'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
        yield ' |\n|---|---|---|--:|--:|--:|\n'
        for l_1_line in (undefined(name='quote_lines') if l_0_quote_lines is missing else l_0_quote_lines):
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_line, 'kind'), environment.getattr(l_1_line, 'kind'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_line, 'rule'):
                pass
                yield ' ('
                yield str(t_2(environment.getattr(l_1_line, 'rule')))
                yield ')'
            if (environment.getattr(l_1_line, 'basis') and (environment.getattr(l_1_line, 'basis') != 'given')):
                pass
                yield ', '
                yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bases'), environment.getattr(l_1_line, 'basis')))
            if environment.getattr(l_1_line, 'one_off'):
                pass
                yield ', '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'one_off_line'))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_line, 'description')))
            yield ' | '
            yield str(t_2((environment.getattr(l_1_line, 'part') or '')))
            yield ' | '
            if (environment.getattr(l_1_line, 'hours') or environment.getattr(l_1_line, 'rate_eur_h')):
                pass
                yield str(t_7(environment.getattr(l_1_line, 'hours')))
                yield ' | '
                yield str(t_12(environment.getattr(l_1_line, 'rate_eur_h')))
            else:
                pass
                yield ' | '
            yield ' | '
            yield str(t_12(environment.getattr(l_1_line, 'amount_eur')))
            yield ' |\n'
        l_1_line = missing
        yield '| | **'
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'subtotal'))
        yield '** | | **'
        yield str(t_7(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'hours')))
        yield '** | | **'
        yield str(t_12(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'amount_eur')))
        yield '** |\n| | '
        yield str(environment.call(context, (undefined(name='contingency') if l_0_contingency is missing else l_0_contingency), _block_vars=_block_vars))
        yield ' | | | | '
        yield str(t_12(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'contingency_eur')))
        yield ' |\n| | **'
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'high_estimate'))
        yield '** | | | | **'
        yield str(t_12(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'amount_high_eur')))
        yield '** |\n'
        if (environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'one_off_eur') and (not t_3(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'one_off_high_eur')))):
            pass
            yield '| | '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'one_off_of_which'))
            yield ' | | | | '
            yield str(t_12(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'one_off_high_eur')))
            yield ' |\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'notes'):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'quote_notes'))
        yield ':\n'
        for l_1_note in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'notes'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_2(l_1_note))
            yield '\n'
        l_1_note = missing
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'breaks'):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'breaks'))
        yield ', '
        yield str((undefined(name='unit') if l_0_unit is missing else l_0_unit))
        yield ':\n\n| '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'break_quantity'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'amount'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'per_piece'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup_cam_per_piece'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'high_estimate'))
        yield ' | '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'lead_time'))
        yield ' |\n|--:|--:|--:|--:|--:|---|\n'
        for l_1_b in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'breaks'):
            l_1_break_lead = resolve('break_lead')
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.getattr(l_1_b, 'quantity'))
            yield ' | '
            yield str(t_12(environment.getattr(l_1_b, 'amount_eur')))
            yield ' | '
            yield str(t_12(environment.getattr(l_1_b, 'per_piece_eur')))
            yield ' | '
            yield str(t_12(environment.getattr(l_1_b, 'setup_cam_per_piece_eur')))
            yield ' | '
            yield str(t_12(environment.getattr(l_1_b, 'amount_high_eur')))
            yield ' | '
            yield str(t_2(environment.call(context, (undefined(name='break_lead') if l_1_break_lead is missing else l_1_break_lead), l_1_b, _loop_vars=_loop_vars)))
            yield ' |\n'
        l_1_b = l_1_break_lead = missing
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'lead_time'))
        yield ': '
        yield str(environment.call(context, (undefined(name='lead_time_sentence') if l_0_lead_time_sentence is missing else l_0_lead_time_sentence), _block_vars=_block_vars))
        yield '. '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'chain_of'))
        yield ':\n\n'
        def t_18(fiter):
            for l_1_p in fiter:
                if environment.getattr(l_1_p, 'steps'):
                    yield l_1_p
        for l_1_p in t_18(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'parts')):
            l_1_lead_time_steps = resolve('lead_time_steps')
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_2(environment.getattr(l_1_p, 'part')))
            yield ': '
            yield str(t_2(environment.call(context, (undefined(name='lead_time_steps') if l_1_lead_time_steps is missing else l_1_lead_time_steps), l_1_p, _loop_vars=_loop_vars)))
            yield '\n'
        l_1_p = l_1_lead_time_steps = missing

def block_trace(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
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
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_9 = environment.filters['mdcode']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'mdcode' found.")
    pass
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'findings'):
        pass
        yield '## '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'trace'))
        yield '\n\n'
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'trace_intro'))
        yield '\n\n'
        l_1_loop = missing
        for l_1_f, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'findings'), undefined):
            l_1_tr = missing
            _loop_vars = {}
            pass
            l_1_tr = environment.getattr(l_1_f, 'trace')
            _loop_vars['tr'] = l_1_tr
            yield '- **'
            yield str(t_2(environment.getattr(l_1_f, 'rule')))
            yield '** '
            yield str(t_2(environment.getattr(l_1_f, 'title')))
            if environment.getattr(l_1_f, 'part'):
                pass
                yield ' ('
                yield str(t_2(environment.getattr(l_1_f, 'part')))
                yield ')'
            yield ': '
            yield str(t_9(environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'condition')))
            yield str((str_join((' (', t_9(str_join((environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'file'), (str_join((':', environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'line'), )) if environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'line') else ''), ))), ')', )) if environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'file') else ''))
            yield '\n'
            if environment.getitem((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'values'):
                pass
                yield '    - '
                yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), 'values'))
                yield ': '
                l_2_loop = missing
                for (l_2_key, l_2_value), l_2_loop in LoopContext(t_19(environment.getitem((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'values')), undefined):
                    _loop_vars = {}
                    pass
                    yield str(t_9(l_2_key))
                    yield ' = '
                    yield str(t_2(t_20(l_2_value)))
                    yield str(('; ' if (not environment.getattr(l_2_loop, 'last')) else ''))
                l_2_loop = l_2_key = l_2_value = missing
                yield '\n'
            if environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'flags'):
                pass
                yield '    - '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'flags'))
                yield ': '
                l_2_loop = missing
                for l_2_fl, l_2_loop in LoopContext(environment.getattr((undefined(name='tr') if l_1_tr is missing else l_1_tr), 'flags'), undefined):
                    _loop_vars = {}
                    pass
                    yield str(t_9(str_join((environment.getattr(l_2_fl, 'reads'), ': ', environment.getattr(l_2_fl, 'flag'), ))))
                    yield ', '
                    if environment.getattr(l_2_fl, 'set_by'):
                        pass
                        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'flag_set_by'))
                        yield ' '
                        l_3_loop = missing
                        for l_3_s, l_3_loop in LoopContext(environment.getattr(l_2_fl, 'set_by'), undefined):
                            _loop_vars = {}
                            pass
                            yield str(t_2(environment.getattr(l_3_s, 'rule')))
                            if environment.getattr(l_3_s, 'part'):
                                pass
                                yield ' ('
                                yield str(t_2(environment.getattr(l_3_s, 'part')))
                                yield ')'
                            if environment.getitem(l_3_s, 'values'):
                                pass
                                yield ': '
                                l_4_loop = missing
                                for (l_4_key, l_4_value), l_4_loop in LoopContext(t_19(environment.getitem(l_3_s, 'values')), undefined):
                                    _loop_vars = {}
                                    pass
                                    yield str(t_9(l_4_key))
                                    yield ' = '
                                    yield str(t_2(t_20(l_4_value)))
                                    yield str((', ' if (not environment.getattr(l_4_loop, 'last')) else ''))
                                l_4_loop = l_4_key = l_4_value = missing
                            yield str(('; ' if (not environment.getattr(l_3_loop, 'last')) else ''))
                        l_3_loop = l_3_s = missing
                    else:
                        pass
                        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'flag_not_set'))
                    yield str(('; ' if (not environment.getattr(l_2_loop, 'last')) else ''))
                l_2_loop = l_2_fl = missing
                yield '\n'
            if environment.getattr(l_1_f, 'source'):
                pass
                yield '    - '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'source'))
                yield ': '
                yield str(t_2(environment.getattr(l_1_f, 'source')))
                yield '\n'
        l_1_loop = l_1_f = l_1_tr = missing

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_inputs = resolve('inputs')
    l_0_L = resolve('L')
    l_0_tool = l_0_eq = l_0_rq = l_0_qn = missing
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '---\n\n'
    l_0_tool = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'tool', _block_vars=_block_vars) or {})
    _block_vars['tool'] = l_0_tool
    l_0_eq = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'equipment', _block_vars=_block_vars) or {})
    _block_vars['eq'] = l_0_eq
    l_0_rq = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'request', _block_vars=_block_vars) or {})
    _block_vars['rq'] = l_0_rq
    l_0_qn = (environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'questionnaire', _block_vars=_block_vars) or {})
    _block_vars['qn'] = l_0_qn
    if (undefined(name='tool') if l_0_tool is missing else l_0_tool):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'tool'))
        yield ': '
        yield str(t_2(environment.call(context, environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'get'), 'name', '', _block_vars=_block_vars)))
        yield ' '
        yield str(t_2(environment.call(context, environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'get'), 'version', '', _block_vars=_block_vars)))
    l_1_loop = missing
    for l_1_p, l_1_loop in LoopContext((environment.call(context, environment.getattr((undefined(name='inputs') if l_0_inputs is missing else l_0_inputs), 'get'), 'packs', _block_vars=_block_vars) or []), undefined):
        _loop_vars = {}
        pass
        yield str((str_join((' · ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'packs'), ': ', )) if environment.getattr(l_1_loop, 'first') else ', '))
        yield str(t_2(environment.call(context, environment.getattr(l_1_p, 'get'), 'id', _loop_vars=_loop_vars)))
        yield ' '
        yield str(t_2(environment.call(context, environment.getattr(l_1_p, 'get'), 'version', _loop_vars=_loop_vars)))
        yield ' ('
        yield str(t_2(environment.call(context, environment.getattr(l_1_p, 'get'), 'digest', _loop_vars=_loop_vars)))
        yield ')'
    l_1_loop = l_1_p = missing
    if (undefined(name='eq') if l_0_eq is missing else l_0_eq):
        pass
        yield ' · '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'equipment'))
        yield ': '
        yield str(environment.call(context, environment.getattr((undefined(name='eq') if l_0_eq is missing else l_0_eq), 'get'), 'machines', _block_vars=_block_vars))
        yield ' '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'machines_count'))
        yield ' ('
        yield str(t_2(environment.call(context, environment.getattr((undefined(name='eq') if l_0_eq is missing else l_0_eq), 'get'), 'digest', _block_vars=_block_vars)))
        yield ')'
    if (undefined(name='rq') if l_0_rq is missing else l_0_rq):
        pass
        yield ' · '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'request'))
        yield ': '
        yield str(t_2(((environment.call(context, environment.getattr((undefined(name='rq') if l_0_rq is missing else l_0_rq), 'get'), 'file', _block_vars=_block_vars) or environment.call(context, environment.getattr((undefined(name='rq') if l_0_rq is missing else l_0_rq), 'get'), 'id', _block_vars=_block_vars)) or '')))
        yield ' ('
        yield str(t_2(environment.call(context, environment.getattr((undefined(name='rq') if l_0_rq is missing else l_0_rq), 'get'), 'digest', _block_vars=_block_vars)))
        yield ')'
    if (undefined(name='qn') if l_0_qn is missing else l_0_qn):
        pass
        yield ' · '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questionnaire'))
        yield ': '
        yield str(t_2(environment.call(context, environment.getattr((undefined(name='qn') if l_0_qn is missing else l_0_qn), 'get'), 'id', _block_vars=_block_vars)))
        yield ' '
        yield str(t_2(environment.call(context, environment.getattr((undefined(name='qn') if l_0_qn is missing else l_0_qn), 'get'), 'version', _block_vars=_block_vars)))
    yield '\n'

blocks = {'header': block_header, 'verdict': block_verdict, 'figures': block_figures, 'mrl': block_mrl, 'heat_map': block_heat_map, 'questions': block_questions, 'assumed': block_assumed, 'risks': block_risks, 'other_findings': block_other_findings, 'assignments': block_assignments, 'quote': block_quote, 'trace': block_trace, 'footer': block_footer}
debug_info = '5=13&6=16&7=19&8=22&9=25&10=28&11=31&23=33&33=35&50=37&64=39&77=41&99=43&111=45&123=46&159=48&203=50&227=52&11=54&12=86&14=90&15=92&18=97&20=109&23=124&24=141&26=145&28=147&29=151&33=155&34=201&38=205&39=213&40=219&41=225&42=231&43=237&44=248&45=251&47=258&50=280&51=317&53=319&55=345&57=351&58=357&61=404&64=407&65=430&67=432&69=436&70=440&74=460&77=474&78=503&80=507&81=511&82=532&83=537&86=554&87=584&89=587&91=589&92=593&99=630&100=648&102=651&103=654&105=664&106=670&111=695&112=712&113=715&115=717&117=727&118=732&123=752&124=836&126=838&127=841&129=854&130=859&131=862&132=972&133=975&134=987&135=990&137=999&140=1006&141=1008&143=1011&145=1013&146=1018&147=1022&149=1033&150=1036&155=1045&159=1048&160=1087&161=1090&163=1093&164=1096&166=1108&167=1112&169=1144&170=1150&171=1154&172=1158&173=1161&176=1165&178=1168&179=1170&180=1174&183=1177&185=1180&187=1184&189=1196&190=1201&193=1214&195=1217&197=1223&198=1232&203=1238&204=1272&205=1275&207=1277&209=1280&210=1284&211=1287&212=1299&213=1302&216=1314&217=1317&220=1359&221=1362&227=1368&230=1386&231=1388&232=1390&233=1392&234=1394'