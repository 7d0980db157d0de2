from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_purpose_name = resolve('purpose_name')
    l_0_L = resolve('L')
    l_0_run_missing = resolve('run_missing')
    l_0_lead_time_sentence = resolve('lead_time_sentence')
    l_0_nothing_priced = resolve('nothing_priced')
    l_0_contingency = resolve('contingency')
    l_0_per_unit = resolve('per_unit')
    l_0_unit = resolve('unit')
    l_0_counted = resolve('counted')
    l_0_mrl_rows = resolve('mrl_rows')
    l_0_risks = resolve('risks')
    l_0_risk_rows = resolve('risk_rows')
    l_0_others = resolve('others')
    l_0_other_rows = resolve('other_rows')
    l_0_q = l_0_e = l_0_m = missing
    try:
        t_1 = environment.filters['closest']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'closest' found.")
    try:
        t_2 = environment.filters['count']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'count' found.")
    try:
        t_3 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_4 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_5 = environment.filters['eur0']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'eur0' found.")
    try:
        t_6 = environment.filters['hours']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'hours' found.")
    try:
        t_7 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_8 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_9 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_10 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_11 = environment.filters['named']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'named' found.")
    try:
        t_12 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_13 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_14 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_14(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_15 = environment.filters['unique']
    except KeyError:
        @internalcode
        def t_15(*unused):
            raise TemplateRuntimeError("No filter named 'unique' found.")
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
        t_18 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_18(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_q = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'request')
    context.vars['q'] = l_0_q
    context.exported_vars.add('q')
    yield str(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'id'))
    if environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'customer'):
        pass
        yield '  '
        yield str(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'customer'))
    yield '  ('
    yield str((environment.call(context, (undefined(name='purpose_name') if l_0_purpose_name is missing else l_0_purpose_name), environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'purpose')) or '?'))
    yield ', '
    yield str((environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'quantity') if (not t_18(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'quantity'))) else '?'))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'pcs'))
    yield ', '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'wanted'))
    yield ' '
    yield str((t_3(environment.getattr((undefined(name='q') if l_0_q is missing else l_0_q), 'wanted_date')) or '?'))
    yield ')\n'
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'verdict'))
    yield ': '
    yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')))
    yield '\n'
    for l_1_reason in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict_reasons')[:6]:
        _loop_vars = {}
        pass
        yield '  - '
        yield str(l_1_reason)
        yield '\n'
    l_1_reason = missing
    if (t_8(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict_reasons')) > 6):
        pass
        yield '  - ... (+'
        yield str((t_8(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict_reasons')) - 6))
        yield ')\n'
    l_0_e = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'effort')
    context.vars['e'] = l_0_e
    context.exported_vars.add('e')
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'effort'))
    yield ': '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'class'))
    yield ' '
    yield str((environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'class') or '–'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'engineering'))
    yield ' '
    yield str(t_6(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'engineering_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'cam'))
    yield ' '
    yield str(t_6(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cam_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'inspection'))
    yield ' '
    yield str(t_6(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'inspection_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'setup'))
    yield ' '
    yield str(t_6(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'setup_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'run'))
    yield ' '
    yield str(t_6(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'run_h')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'h'))
    if environment.call(context, (undefined(name='run_missing') if l_0_run_missing is missing else l_0_run_missing)):
        pass
        yield ' ('
        yield str(environment.call(context, (undefined(name='run_missing') if l_0_run_missing is missing else l_0_run_missing)))
        yield ')'
    yield '\n'
    if (environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'longest_wait_days') and (not environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'))):
        pass
        yield '  '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'extra_lead_time'))
        yield ': '
        yield str(t_6(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'longest_wait_days')))
        yield ' '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'days'))
        yield '\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'lead_time'))
        yield ': '
        yield str(environment.call(context, (undefined(name='lead_time_sentence') if l_0_lead_time_sentence is missing else l_0_lead_time_sentence), cents=False))
        yield '\n'
        def t_19(fiter):
            for l_1_p in fiter:
                if ((environment.getattr(l_1_p, 'part') == environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'slowest_part')) and environment.getattr(l_1_p, 'steps')):
                    yield l_1_p
        for l_1_p in t_19(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'parts')):
            l_1_lead_time_steps = resolve('lead_time_steps')
            _loop_vars = {}
            pass
            yield '  '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'slowest_part'))
            yield ' '
            yield str(environment.getattr(l_1_p, 'part'))
            yield ': '
            yield str(environment.call(context, (undefined(name='lead_time_steps') if l_1_lead_time_steps is missing else l_1_lead_time_steps), l_1_p, _loop_vars=_loop_vars))
            yield '\n'
        l_1_p = l_1_lead_time_steps = missing
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'cost'))
    yield ': '
    if environment.call(context, (undefined(name='nothing_priced') if l_0_nothing_priced is missing else l_0_nothing_priced)):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_priced'))
        yield ': '
        yield str(t_7(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'not_made'), ', '))
    else:
        pass
        yield str(t_5(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cost_eur'), 'low')))
        yield ' - '
        yield str(t_5(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'cost_eur'), 'high')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='contingency') if l_0_contingency is missing else l_0_contingency)))
        yield ')'
        if environment.call(context, (undefined(name='per_unit') if l_0_per_unit is missing else l_0_per_unit)):
            pass
            yield '; '
            yield str(environment.call(context, (undefined(name='per_unit') if l_0_per_unit is missing else l_0_per_unit)))
        if (environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time') and environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'not_made')):
            pass
            yield '; '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_priced'))
            yield ': '
            yield str(t_7(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'lead_time'), 'not_made'), ', '))
    yield '\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'breaks'):
        pass
        yield '  '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'breaks'))
        yield ', '
        yield str((undefined(name='unit') if l_0_unit is missing else l_0_unit))
        yield ': '
        l_1_loop = missing
        for l_1_b, l_1_loop in LoopContext(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'breaks'), undefined):
            l_1_break_lead = resolve('break_lead')
            _loop_vars = {}
            pass
            yield str(t_2(environment.getattr(l_1_b, 'quantity')))
            yield ': '
            yield str(t_4(environment.getattr(l_1_b, 'per_piece_eur')))
            yield ' - '
            yield str(t_4(environment.getattr(l_1_b, 'per_piece_high_eur')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='break_lead') if l_1_break_lead is missing else l_1_break_lead), l_1_b, _loop_vars=_loop_vars))
            yield ')'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '; '
        l_1_loop = l_1_b = l_1_break_lead = missing
        yield '\n'
    for l_1_note in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'notes')[:6]:
        _loop_vars = {}
        pass
        yield '  - '
        yield str(l_1_note)
        yield '\n'
    l_1_note = missing
    if (t_8(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'notes')) > 6):
        pass
        yield '  - ... (+'
        yield str((t_8(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quote'), 'notes')) - 6))
        yield ')\n'
    l_0_m = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'mrl')
    context.vars['m'] = l_0_m
    context.exported_vars.add('m')
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl'))
    yield ': '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'overall'))
    yield ' '
    yield str((environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall') if (not t_18(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overall'))) else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed')))
    if environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'):
        pass
        yield ' / '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'target'))
        yield ' '
        yield str(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))
        if environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_levels'), 'get'), t_14(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))):
            pass
            yield ' ('
            yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'mrl_levels'), t_14(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'target'))))
            yield ')'
    else:
        pass
        yield '; '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_target'))
    if environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'not_assessed'):
        pass
        yield '; '
        yield str(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed_count'), environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'not_assessed')))
    yield '\n'
    def t_20(fiter):
        for l_1_t in fiter:
            if ((environment.getattr(l_1_t, 'capped_by') or environment.getattr(l_1_t, 'below')) or (not environment.getattr(l_1_t, 'assessed'))):
                yield l_1_t
    for l_1_t in t_20((undefined(name='mrl_rows') if l_0_mrl_rows is missing else l_0_mrl_rows)):
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'threads'), environment.getattr(l_1_t, 'id')))
        yield ': '
        yield str((environment.getattr(l_1_t, 'level') if environment.getattr(l_1_t, 'assessed') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_assessed')))
        if environment.getattr(l_1_t, 'capped_by'):
            pass
            yield ' ('
            yield str(t_7(context.eval_ctx, environment.getattr(l_1_t, 'capped_by'), ', '))
            yield ')'
        elif environment.getattr(l_1_t, 'unanswered'):
            pass
            yield ' ('
            yield str((environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'to_earn') if environment.getattr(l_1_t, 'assessed') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'to_assess')))
            yield ': '
            yield str(t_7(context.eval_ctx, environment.getattr(l_1_t, 'unanswered'), ', '))
            yield ')'
        elif environment.getattr(l_1_t, 'not_met'):
            pass
            yield ' ('
            yield str(environment.getattr(l_1_t, 'not_met'))
            yield ')'
        if environment.getattr(l_1_t, 'assumed'):
            pass
            yield ' ('
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rests_on'))
            yield ': '
            yield str(t_7(context.eval_ctx, environment.getattr(l_1_t, 'assumed'), ', '))
            yield ')'
        yield '\n'
    l_1_t = missing
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'machines'))
    yield ':\n'
    l_1_loop = missing
    for l_1_a, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assignments'), undefined):
        l_1_process_name = resolve('process_name')
        l_1_stock_of = missing
        _loop_vars = {}
        pass
        def macro(l_2_x):
            t_21 = []
            if l_2_x is missing:
                l_2_x = undefined("parameter 'x' was not provided", name='x')
            pass
            if (not t_18(environment.getattr(l_2_x, 'bar_mm'))):
                pass
                t_21.append(
                    str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar_stock'), 'format'), bar=t_12(environment.getattr(l_2_x, 'bar_mm')))),
                )
            else:
                pass
                t_21.append(
                    str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sawn_blank')),
                )
            return concat(t_21)
        l_1_stock_of = Macro(environment, macro, 'stock_of', ('x',), False, False, False, context.eval_ctx.autoescape)
        yield '  '
        yield str(environment.getattr(l_1_a, 'part'))
        yield ' '
        yield str(environment.call(context, (undefined(name='process_name') if l_1_process_name is missing else l_1_process_name), environment.getattr(l_1_a, 'process'), _loop_vars=_loop_vars))
        yield ' -> '
        if environment.getattr(l_1_a, 'machine'):
            pass
            yield str(environment.getattr(l_1_a, 'machine'))
            if (environment.call(context, environment.getattr(l_1_a, 'get'), 'alternative_amounts', _loop_vars=_loop_vars) and t_18(environment.call(context, environment.getattr(l_1_a, 'get'), 'weighed_eur', _loop_vars=_loop_vars))):
                pass
                yield ' '
                yield str(t_4(environment.getattr(l_1_a, 'amount_eur')))
            if ('bar_mm' in l_1_a):
                pass
                yield ' ('
                yield str(environment.call(context, (undefined(name='stock_of') if l_1_stock_of is missing else l_1_stock_of), l_1_a, _loop_vars=_loop_vars))
                yield ')'
            if environment.getattr(l_1_a, 'marginal'):
                pass
                yield ' ['
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'marginal'))
                yield ': '
                yield str(t_7(context.eval_ctx, environment.getattr(l_1_a, 'marginal'), '; '))
                yield ']'
            if environment.call(context, environment.getattr(l_1_a, 'get'), 'split', _loop_vars=_loop_vars):
                pass
                yield ' ['
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'split'))
                yield ': '
                l_2_loop = missing
                for l_2_s, l_2_loop in LoopContext(t_11(environment.getattr(l_1_a, 'split')), undefined):
                    _loop_vars = {}
                    pass
                    yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'split_share'), 'format'), pieces=t_2(environment.getattr(l_2_s, 'pieces')), machine=environment.getattr(l_2_s, 'name'), _loop_vars=_loop_vars))
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield ', '
                l_2_loop = l_2_s = missing
                if t_17(environment.getattr(l_1_a, 'split')):
                    pass
                    yield ' '
                    yield str(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_17(environment.getattr(l_1_a, 'split')), _loop_vars=_loop_vars))
                yield ']'
            if environment.call(context, environment.getattr(l_1_a, 'get'), 'late', _loop_vars=_loop_vars):
                pass
                yield ' ['
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'late'))
                yield ': '
                yield str(environment.getattr(l_1_a, 'late'))
                yield ']'
            if environment.call(context, environment.getattr(l_1_a, 'get'), 'sooner', _loop_vars=_loop_vars):
                pass
                yield ' ['
                yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sooner'), 'format'), days=environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'working_days_count'), environment.getattr(environment.getattr(l_1_a, 'sooner'), 'slack_days'), _loop_vars=_loop_vars), instead=environment.getattr(environment.getattr(l_1_a, 'sooner'), 'instead_slack_days'), machine=environment.getattr(environment.getattr(l_1_a, 'sooner'), 'instead_of'), extra=t_4(environment.getattr(environment.getattr(l_1_a, 'sooner'), 'extra_eur')), _loop_vars=_loop_vars))
                yield ']'
            if environment.getattr(l_1_a, 'unchecked'):
                pass
                yield ' ['
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'provisional'))
                yield ': '
                yield str(t_7(context.eval_ctx, environment.getattr(l_1_a, 'unchecked'), ', '))
                yield ']'
        elif environment.call(context, environment.getattr(l_1_a, 'get'), 'partner', _loop_vars=_loop_vars):
            pass
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'outside_work'))
            yield ': '
            yield str(environment.getattr(environment.getattr(l_1_a, 'partner'), 'name'))
            yield ' ('
            yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'partner_days'), 'format'), days=environment.getattr(environment.getattr(l_1_a, 'partner'), 'lead_time_days'), _loop_vars=_loop_vars))
            yield ')'
        elif (not environment.getattr(l_1_a, 'judged')):
            pass
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_judged'))
        else:
            pass
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_machine'))
        yield '\n'
        if environment.call(context, environment.getattr(l_1_a, 'get'), 'alternative_amounts', _loop_vars=_loop_vars):
            pass
            yield '      '
            yield str((environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives_weighed'), 'format'), amount=t_4(environment.getattr(l_1_a, 'weighed_eur')), _loop_vars=_loop_vars) if (not t_18(environment.call(context, environment.getattr(l_1_a, 'get'), 'weighed_eur', _loop_vars=_loop_vars))) else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'alternatives')))
            yield ': '
            l_2_loop = missing
            for l_2_x, l_2_loop in LoopContext(t_11(environment.getattr(l_1_a, 'alternative_amounts')), undefined):
                _loop_vars = {}
                pass
                yield str(environment.getattr(l_2_x, 'machine'))
                yield ' '
                yield str(t_4(environment.getattr(l_2_x, 'amount_eur')))
                yield ' ('
                yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'why_lost'), environment.getattr(l_2_x, 'why')))
                if ('bar_mm' in l_2_x):
                    pass
                    yield '; '
                    yield str(environment.call(context, (undefined(name='stock_of') if l_1_stock_of is missing else l_1_stock_of), l_2_x, _loop_vars=_loop_vars))
                yield ')'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '; '
            l_2_loop = l_2_x = missing
            if t_17(environment.getattr(l_1_a, 'alternative_amounts')):
                pass
                yield '; '
                yield str(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_machines'), t_17(environment.getattr(l_1_a, 'alternative_amounts')), _loop_vars=_loop_vars))
            yield '\n'
        for l_2_x in t_1(environment.getattr(l_1_a, 'rejected')):
            _loop_vars = {}
            pass
            yield '      '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rejected'))
            yield ' '
            yield str(environment.getattr(l_2_x, 'machine'))
            yield ': '
            yield str(t_7(context.eval_ctx, environment.getattr(l_2_x, 'reasons'), '; '))
            yield '\n'
        l_2_x = missing
        if t_16(environment.getattr(l_1_a, 'rejected')):
            pass
            yield '      ... '
            yield str(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_rejected'), t_16(environment.getattr(l_1_a, 'rejected')), _loop_vars=_loop_vars))
            yield '\n'
    l_1_loop = l_1_a = l_1_stock_of = l_1_process_name = missing
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'risks'))
    yield ':'
    if (not (undefined(name='risks') if l_0_risks is missing else l_0_risks)):
        pass
        yield ' '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
    yield '\n'
    for l_1_f in (undefined(name='risk_rows') if l_0_risk_rows is missing else l_0_risk_rows)[:8]:
        _loop_vars = {}
        pass
        yield '  ['
        yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'levels'), environment.getattr(environment.getattr(l_1_f, 'risk'), 'level')))
        yield ' '
        yield str(environment.getattr(environment.getattr(l_1_f, 'risk'), 'score'))
        yield '] '
        yield str(environment.getattr(l_1_f, 'rule'))
        yield ' '
        yield str(environment.getattr(l_1_f, 'message'))
        yield '\n'
    l_1_f = missing
    if (t_8((undefined(name='risk_rows') if l_0_risk_rows is missing else l_0_risk_rows)) > 8):
        pass
        yield '  ... ('
        yield str(environment.call(context, (undefined(name='counted') if l_0_counted is missing else l_0_counted), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'more_findings'), (t_8((undefined(name='risk_rows') if l_0_risk_rows is missing else l_0_risk_rows)) - 8)))
        yield ': '
        yield str(t_7(context.eval_ctx, t_15(environment, t_10(context, (undefined(name='risk_rows') if l_0_risk_rows is missing else l_0_risk_rows)[8:], attribute='rule')), ', '))
        yield ')\n'
    if (undefined(name='others') if l_0_others is missing else l_0_others):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'findings'))
        yield ':\n'
        for l_1_f in (undefined(name='other_rows') if l_0_other_rows is missing else l_0_other_rows):
            _loop_vars = {}
            pass
            yield '  '
            yield str(environment.getattr(l_1_f, 'rule'))
            yield ' ('
            yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'kinds'), 'get'), environment.getattr(l_1_f, 'kind'), environment.getattr(l_1_f, 'kind'), _loop_vars=_loop_vars))
            yield ') '
            yield str(environment.getattr(l_1_f, 'message'))
            yield '\n'
        l_1_f = missing
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questions'))
    yield ':'
    if (not environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions')):
        pass
        yield ' '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
    yield '\n'
    l_1_loop = missing
    for l_1_oq, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions')[:5], undefined):
        l_1_turns = missing
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getattr(l_1_loop, 'index'))
        yield '. '
        if environment.getattr(l_1_oq, 'part'):
            pass
            yield str(environment.getattr(l_1_oq, 'part'))
            yield ': '
        yield str(environment.getattr(l_1_oq, 'question'))
        yield ' ['
        yield str(environment.getattr(l_1_oq, 'field'))
        yield ']'
        if (environment.getattr(l_1_oq, 'decisive') and (environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict') != 'no_fit')):
            pass
            yield ' - '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'decisive'))
        yield ' ('
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'rules'))
        yield ': '
        yield str(t_7(context.eval_ctx, environment.getattr(l_1_oq, 'rules'), ', '))
        yield ')\n'
        l_1_turns = t_9(context.eval_ctx, t_13(context, environment.getattr(l_1_oq, 'what_if'), 'verdict', 'ne', environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')))
        _loop_vars['turns'] = l_1_turns
        for l_2_p in (undefined(name='turns') if l_1_turns is missing else l_1_turns)[:3]:
            l_2_answer_text = resolve('answer_text')
            _loop_vars = {}
            pass
            yield '     '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'if_answer'))
            yield ' '
            yield str(environment.call(context, (undefined(name='answer_text') if l_2_answer_text is missing else l_2_answer_text), environment.getattr(l_1_oq, 'field'), environment.getattr(l_2_p, 'answer'), _loop_vars=_loop_vars))
            yield ': '
            yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr(l_2_p, 'verdict')))
            if environment.getattr(l_2_p, 'new_findings'):
                pass
                yield ' ('
                yield str(t_7(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', '))
                yield ')'
            yield '\n'
        l_2_p = l_2_answer_text = missing
    l_1_loop = l_1_oq = l_1_turns = missing
    if (t_8(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions')) > 5):
        pass
        yield '  ... (+'
        yield str((t_8(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'open_questions')) - 5))
        yield ')\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assumed'):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'assumed'))
        yield ':\n'
        for l_1_a in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'assumed'):
            _loop_vars = {}
            pass
            yield '  - '
            yield str(environment.getattr(l_1_a, 'text'))
            if environment.getattr(l_1_a, 'parts'):
                pass
                yield ' ('
                yield str(t_7(context.eval_ctx, environment.getattr(l_1_a, 'parts'), ', '))
                yield ')'
            yield ' - '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'please_confirm'))
            for l_2_p in environment.getattr(l_1_a, 'what_if')[:1]:
                _loop_vars = {}
                pass
                yield ' ('
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'if_not'))
                yield ': '
                if (environment.getattr(l_2_p, 'verdict') != environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'verdict')):
                    pass
                    yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), environment.getattr(l_2_p, 'verdict')))
                    if environment.getattr(l_2_p, 'new_findings'):
                        pass
                        yield ', '
                yield str(t_7(context.eval_ctx, environment.getattr(l_2_p, 'new_findings'), ', '))
                yield ')'
            l_2_p = missing
            yield '\n'
        l_1_a = missing

blocks = {}
debug_info = '1=135&2=138&3=154&4=158&5=162&7=165&8=168&10=170&11=173&13=214&14=217&16=223&17=225&18=229&19=238&22=245&24=271&25=274&28=296&29=300&31=303&32=306&34=308&36=311&38=336&39=344&42=373&43=376&44=381&45=399&47=475&48=478&51=503&52=507&54=514&55=517&58=520&60=527&61=531&63=540&64=543&66=547&67=549&68=551&69=555&72=562&74=570&75=575&76=594&77=596&78=601&82=614&83=617&85=619&86=621&87=623&88=627'