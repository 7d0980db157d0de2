from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'offer.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_T = resolve('T')
    l_0_provider = resolve('provider')
    l_0_address = resolve('address')
    l_0_number = resolve('number')
    l_0_customer = resolve('customer')
    l_0_reference_text = resolve('reference_text')
    l_0_reference = resolve('reference')
    l_0_date = resolve('date')
    l_0_valid_until = resolve('valid_until')
    l_0_intro = resolve('intro')
    l_0_refusals = resolve('refusals')
    l_0_parts = resolve('parts')
    l_0_machine_time_heading = resolve('machine_time_heading')
    l_0_total_eur = resolve('total_eur')
    l_0_machine_time_result = resolve('machine_time_result')
    l_0_parts_heading = resolve('parts_heading')
    l_0_one_off = resolve('one_off')
    l_0_per_product_eur = resolve('per_product_eur')
    l_0_product_parts = resolve('product_parts')
    l_0_no_price = resolve('no_price')
    l_0_no_price_text = resolve('no_price_text')
    l_0_indicative = resolve('indicative')
    l_0_vat_note = resolve('vat_note')
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
    l_0_nothing_made = resolve('nothing_made')
    l_0_lead_time_heading = resolve('lead_time_heading')
    l_0_delivery_groups = resolve('delivery_groups')
    l_0_schedule = resolve('schedule')
    l_0_terms = resolve('terms')
    l_0_terms_heading = resolve('terms_heading')
    l_0_assumptions = resolve('assumptions')
    l_0_questions = resolve('questions')
    l_0_further_questions = resolve('further_questions')
    l_0_further_questions_text = resolve('further_questions_text')
    l_0_more_questions = resolve('more_questions')
    l_0_more_questions_text = resolve('more_questions_text')
    l_0_advice = resolve('advice')
    l_0_closing = resolve('closing')
    l_0_booked = l_0_made = missing
    try:
        t_1 = environment.filters['count']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'count' found.")
    try:
        t_2 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_3 = environment.filters['eur']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'eur' found.")
    try:
        t_4 = environment.filters['hours']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'hours' found.")
    try:
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_6 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_7 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_8 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_9 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_10 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_11 = environment.filters['upper_first']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'upper_first' found.")
    try:
        t_12 = environment.tests['false']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No test named 'false' found.")
    try:
        t_13 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '# '
    yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer'))
    if environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'name'):
        pass
        yield ': '
        yield str(t_8(environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'name')))
    yield '\n'
    for l_1_line in (undefined(name='address') if l_0_address is missing else l_0_address):
        _loop_vars = {}
        pass
        yield str(t_8(l_1_line))
        yield '  \n'
    l_1_line = missing
    if environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'contact'):
        pass
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'contact'))
        yield ': '
        yield str(t_8(environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'contact')))
        yield '  \n'
    if environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'phone'):
        pass
        yield str(t_8(environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'phone')))
        yield '  \n'
    if environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'email'):
        pass
        yield str(t_8(environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'email')))
        yield '  \n'
    yield '\n| '
    yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer_number'))
    yield ' | '
    yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer_for'))
    yield ' | '
    yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'your_reference'))
    yield ' | '
    yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'offer_date'))
    yield ' | '
    yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'valid_until'))
    yield ' |\n|---|---|---|---|---|\n| '
    yield str(t_8((undefined(name='number') if l_0_number is missing else l_0_number)))
    yield ' | '
    yield str((t_8((undefined(name='customer') if l_0_customer is missing else l_0_customer)) or '–'))
    yield ' | '
    yield str((t_8(((undefined(name='reference_text') if l_0_reference_text is missing else l_0_reference_text) or (undefined(name='reference') if l_0_reference is missing else l_0_reference))) or '–'))
    yield ' | '
    yield str(t_2((undefined(name='date') if l_0_date is missing else l_0_date)))
    yield ' | '
    yield str(t_2((undefined(name='valid_until') if l_0_valid_until is missing else l_0_valid_until)))
    yield ' |\n\n'
    yield str((undefined(name='intro') if l_0_intro is missing else l_0_intro))
    yield '\n'
    if (undefined(name='refusals') if l_0_refusals is missing else l_0_refusals):
        pass
        yield '\n'
        for l_1_text in (undefined(name='refusals') if l_0_refusals is missing else l_0_refusals):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_8(l_1_text))
            yield '\n'
        l_1_text = missing
    yield '\n'
    l_0_booked = t_7(context.eval_ctx, t_10(context, (undefined(name='parts') if l_0_parts is missing else l_0_parts), 'machine_time'))
    context.vars['booked'] = l_0_booked
    context.exported_vars.add('booked')
    l_0_made = t_7(context.eval_ctx, t_9(context, (undefined(name='parts') if l_0_parts is missing else l_0_parts), 'machine_time'))
    context.vars['made'] = l_0_made
    context.exported_vars.add('made')
    if (undefined(name='booked') if l_0_booked is missing else l_0_booked):
        pass
        yield '## '
        yield str((undefined(name='machine_time_heading') if l_0_machine_time_heading is missing else l_0_machine_time_heading))
        yield '\n\n| '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'part'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'machine'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'machine_hours'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_hour'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
        yield ' |\n|---|---|---:|---:|---:|\n'
        for l_1_part in (undefined(name='booked') if l_0_booked is missing else l_0_booked):
            l_1_mt = missing
            _loop_vars = {}
            pass
            l_1_mt = environment.getattr(l_1_part, 'machine_time')
            _loop_vars['mt'] = l_1_mt
            yield '| **'
            yield str(t_8((environment.getattr(l_1_part, 'name') or environment.getattr(l_1_part, 'id'))))
            yield '**'
            if environment.getattr(l_1_part, 'name'):
                pass
                yield ' ('
                yield str(t_8(environment.getattr(l_1_part, 'id')))
                yield ')'
            yield '<br>'
            yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_part, 'processes'), ', ')))
            if environment.getattr(l_1_part, 'material'):
                pass
                yield str((' · ' if environment.getattr(l_1_part, 'processes') else cond_expr_undefined("the inline if-expression on line 34 in 'offer.md.j2' evaluated to false and no else section was defined.")))
                yield str(t_8(environment.getattr(l_1_part, 'material')))
            if environment.getattr(l_1_part, 'size'):
                pass
                yield ' · '
                yield str(t_8(environment.getattr(l_1_part, 'size')))
            if environment.getattr(l_1_part, 'drawing'):
                pass
                yield '<br>'
                yield str(t_8(t_11(environment.getattr(l_1_part, 'drawing'))))
            if environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'ours'):
                pass
                yield '<br>'
                yield str(t_8(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'ours')))
            if environment.getattr(l_1_part, 'pending'):
                pass
                yield '<br>'
                yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'not_judged_yet'))
            elif environment.getattr(l_1_part, 'price_follows'):
                pass
                yield '<br>'
                yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'price_follows'))
                yield ' '
                yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_part, 'price_follows'), ' ')))
            yield ' | '
            yield str(t_8(t_5(context.eval_ctx, environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'machines'), ', ')))
            yield ' | '
            if (not t_13(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'hours'))):
                pass
                yield str(environment.call(context, environment.getattr((environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'hours_for') if (not t_13(environment.getattr(l_1_part, 'pieces'))) else environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'hours_only')), 'format'), hours=t_4(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'hours')), pieces=t_1(environment.getattr(l_1_part, 'pieces')), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield ' | '
            yield str((t_3(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'per_hour_eur')) if (not t_13(environment.getattr((undefined(name='mt') if l_1_mt is missing else l_1_mt), 'per_hour_eur'))) else '–'))
            yield ' | '
            yield str((t_3(environment.getattr(l_1_part, 'total_eur')) if (not t_13(environment.getattr(l_1_part, 'total_eur'))) else '–'))
            yield ' |\n'
        l_1_part = l_1_mt = missing
        if ((not t_13((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur))) and (not (undefined(name='made') if l_0_made is missing else l_0_made))):
            pass
            yield '| **'
            yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'parts_total'))
            yield '** | | | | **'
            yield str(t_3((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur)))
            yield '** |\n'
        yield '\n'
        yield str((undefined(name='machine_time_result') if l_0_machine_time_result is missing else l_0_machine_time_result))
        yield '\n'
    if (undefined(name='made') if l_0_made is missing else l_0_made):
        pass
        yield '## '
        yield str(((undefined(name='parts_heading') if l_0_parts_heading is missing else l_0_parts_heading) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'what_we_make')))
        yield '\n\n| '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'part'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_piece'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
        yield ' |\n|---|---:|---:|---:|\n'
        for l_1_part in (undefined(name='made') if l_0_made is missing else l_0_made):
            _loop_vars = {}
            pass
            yield '| **'
            yield str(t_8((environment.getattr(l_1_part, 'name') or environment.getattr(l_1_part, 'id'))))
            yield '**'
            if environment.getattr(l_1_part, 'name'):
                pass
                yield ' ('
                yield str(t_8(environment.getattr(l_1_part, 'id')))
                yield ')'
            yield '<br>'
            yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_part, 'processes'), ', ')))
            if environment.getattr(l_1_part, 'material'):
                pass
                yield str((' · ' if environment.getattr(l_1_part, 'processes') else cond_expr_undefined("the inline if-expression on line 48 in 'offer.md.j2' evaluated to false and no else section was defined.")))
                yield str(t_8(environment.getattr(l_1_part, 'material')))
            if environment.getattr(l_1_part, 'size'):
                pass
                yield ' · '
                yield str(t_8(environment.getattr(l_1_part, 'size')))
            if environment.getattr(l_1_part, 'treatments'):
                pass
                yield ' · '
                yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_part, 'treatments'), ', ')))
            if environment.getattr(l_1_part, 'drawing'):
                pass
                yield '<br>'
                yield str(t_8(t_11(environment.getattr(l_1_part, 'drawing'))))
            if environment.getattr(l_1_part, 'blocked'):
                pass
                yield '<br>'
                yield str(t_8(environment.getattr(l_1_part, 'cannot_make')))
            elif environment.getattr(l_1_part, 'pending'):
                pass
                yield '<br>'
                yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'not_judged_yet'))
            elif environment.getattr(l_1_part, 'price_follows'):
                pass
                yield '<br>'
                yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'price_follows'))
                yield ' '
                yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_part, 'price_follows'), ' ')))
            yield ' | '
            if (not t_13(environment.getattr(l_1_part, 'pieces'))):
                pass
                yield str(t_1(environment.getattr(l_1_part, 'pieces')))
                yield ' '
                yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'pcs'))
            else:
                pass
                yield '–'
            yield ' | '
            yield str((t_3(environment.getattr(l_1_part, 'per_piece_eur')) if (not t_13(environment.getattr(l_1_part, 'per_piece_eur'))) else '–'))
            yield ' | '
            yield str((t_3(environment.getattr(l_1_part, 'total_eur')) if (not t_13(environment.getattr(l_1_part, 'total_eur'))) else '–'))
            yield ' |\n'
        l_1_part = missing
    if ((undefined(name='one_off') if l_0_one_off is missing else l_0_one_off) and (undefined(name='made') if l_0_made is missing else l_0_made)):
        pass
        yield '| **'
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'one_off'))
        yield '** | | | |\n'
        for l_1_row in (undefined(name='one_off') if l_0_one_off is missing else l_0_one_off):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_8(environment.getattr(l_1_row, 'text')))
            if environment.getattr(l_1_row, 'for'):
                pass
                yield ' ('
                yield str(t_8(environment.getattr(l_1_row, 'for')))
                yield ')'
            yield ' | | | '
            yield str(t_3(environment.getattr(l_1_row, 'total_eur')))
            yield ' |\n'
        l_1_row = missing
    if ((not t_13((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur))) and (undefined(name='made') if l_0_made is missing else l_0_made)):
        pass
        yield '| **'
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'parts_total'))
        yield '** | | | **'
        yield str(t_3((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur)))
        yield '** |\n'
        if (not t_13((undefined(name='per_product_eur') if l_0_per_product_eur is missing else l_0_per_product_eur))):
            pass
            yield '| '
            yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'per_product'))
            yield ' ('
            yield str(t_8((undefined(name='product_parts') if l_0_product_parts is missing else l_0_product_parts)))
            yield ') | | | '
            yield str(t_3((undefined(name='per_product_eur') if l_0_per_product_eur is missing else l_0_per_product_eur)))
            yield ' |\n'
    yield '\n'
    if (undefined(name='no_price') if l_0_no_price is missing else l_0_no_price):
        pass
        yield str(((undefined(name='no_price_text') if l_0_no_price_text is missing else l_0_no_price_text) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'no_price')))
        yield '\n'
    elif ((undefined(name='indicative') if l_0_indicative is missing else l_0_indicative) and (not t_13((undefined(name='total_eur') if l_0_total_eur is missing else l_0_total_eur)))):
        pass
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'indicative'))
        yield '\n'
    if (undefined(name='vat_note') if l_0_vat_note is missing else l_0_vat_note):
        pass
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'excl_vat'))
        yield '\n'
    if (undefined(name='one_off') if l_0_one_off is missing else l_0_one_off):
        pass
        yield str(((undefined(name='one_off_note') if l_0_one_off_note is missing else l_0_one_off_note) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'one_off_note')))
        yield '\n'
    if (undefined(name='revision_note') if l_0_revision_note is missing else l_0_revision_note):
        pass
        yield str(t_8((undefined(name='revision_note') if l_0_revision_note is missing else l_0_revision_note)))
        yield '\n'
    if (undefined(name='documents') if l_0_documents is missing else l_0_documents):
        pass
        yield '\n**'
        yield str((undefined(name='documents_heading') if l_0_documents_heading is missing else l_0_documents_heading))
        yield ':**\n\n'
        for l_1_text in (undefined(name='documents') if l_0_documents is missing else l_0_documents):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_8(l_1_text))
            yield '\n'
        l_1_text = missing
    if (undefined(name='documents_yours') if l_0_documents_yours is missing else l_0_documents_yours):
        pass
        yield '\n**'
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'documents_yours'))
        yield ':**\n\n'
        for l_1_text in (undefined(name='documents_yours') if l_0_documents_yours is missing else l_0_documents_yours):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_8(l_1_text))
            yield '\n'
        l_1_text = missing
        yield '\n'
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'documents_measuring'))
        yield '\n'
    if (undefined(name='not_included') if l_0_not_included is missing else l_0_not_included):
        pass
        yield '\n**'
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'not_included'))
        yield ':**\n\n'
        for l_1_text in (undefined(name='not_included') if l_0_not_included is missing else l_0_not_included):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_8(l_1_text))
            yield '\n'
        l_1_text = missing
    if (undefined(name='breaks') if l_0_breaks is missing else l_0_breaks):
        pass
        yield '\n**'
        yield str(((undefined(name='breaks_heading') if l_0_breaks_heading is missing else l_0_breaks_heading) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'breaks')))
        yield ':**\n\n'
        l_0_once = t_7(context.eval_ctx, t_10(context, (undefined(name='breaks') if l_0_breaks is missing else l_0_breaks), 'one_off_eur'))
        context.vars['once'] = l_0_once
        context.exported_vars.add('once')
        yield '| '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
        yield ' | '
        yield str((undefined(name='break_unit') if l_0_break_unit is missing else l_0_break_unit))
        yield ' |'
        if (undefined(name='once') if l_0_once is missing else l_0_once):
            pass
            yield ' '
            yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'break_one_off'))
            yield ' |'
        yield ' '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'total'))
        yield ' | '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'break_delivery'))
        yield ' |\n|---:|---:|'
        if (undefined(name='once') if l_0_once is missing else l_0_once):
            pass
            yield '---:|'
        yield '---:|---|\n'
        for l_1_b in (undefined(name='breaks') if l_0_breaks is missing else l_0_breaks):
            _loop_vars = {}
            pass
            if (not t_13(environment.getattr(l_1_b, 'total_eur'))):
                pass
                yield '| '
                yield str(t_1(environment.getattr(l_1_b, 'quantity')))
                yield ' | '
                yield str(t_3(environment.getattr(l_1_b, 'per_piece_eur')))
                yield ' |'
                if (undefined(name='once') if l_0_once is missing else l_0_once):
                    pass
                    yield ' '
                    yield str((t_3(environment.getattr(l_1_b, 'one_off_eur')) if environment.getattr(l_1_b, 'one_off_eur') else '–'))
                    yield ' |'
                yield ' '
                yield str(t_3(environment.getattr(l_1_b, 'total_eur')))
                yield ' | '
                yield str(environment.getattr(l_1_b, 'delivery'))
                yield ' |\n'
            else:
                pass
                yield '| '
                yield str(t_1(environment.getattr(l_1_b, 'quantity')))
                yield ' | '
                yield str(environment.getattr(l_1_b, 'on_request'))
                yield ' |'
                if (undefined(name='once') if l_0_once is missing else l_0_once):
                    pass
                    yield ' |'
                yield ' | |\n'
        l_1_b = missing
    yield '\n'
    if ((not (undefined(name='nothing_made') if l_0_nothing_made is missing else l_0_nothing_made)) and (not (undefined(name='refusals') if l_0_refusals is missing else l_0_refusals))):
        pass
        yield '## '
        yield str(((undefined(name='lead_time_heading') if l_0_lead_time_heading is missing else l_0_lead_time_heading) or environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'lead_time')))
        yield '\n\n'
        l_1_loop = missing
        for l_1_group, l_1_loop in LoopContext((undefined(name='delivery_groups') if l_0_delivery_groups is missing else l_0_delivery_groups), undefined):
            l_1_wanted = resolve('wanted')
            l_1_say_wanted = resolve('say_wanted')
            _loop_vars = {}
            pass
            if environment.getattr(l_1_group, 'label'):
                pass
                yield '**'
                yield str(t_8(environment.getattr(l_1_group, 'label')))
                yield '** '
            if ((environment.getattr(l_1_loop, 'first') and (undefined(name='wanted') if l_1_wanted is missing else l_1_wanted)) and (not t_12((undefined(name='say_wanted') if l_1_say_wanted is missing else l_1_say_wanted)))):
                pass
                yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'wanted'), 'format'), date=t_2((undefined(name='wanted') if l_1_wanted is missing else l_1_wanted)), _loop_vars=_loop_vars))
                yield ' '
            yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_group, 'sentences'), ' ')))
            yield '\n'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '\n'
        l_1_loop = l_1_group = l_1_wanted = l_1_say_wanted = missing
        yield '\n'
        if (undefined(name='schedule') if l_0_schedule is missing else l_0_schedule):
            pass
            yield '**'
            yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'schedule'))
            yield ':**\n\n| '
            yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'schedule_delivery'))
            yield ' | '
            yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'quantity'))
            yield ' | '
            yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'schedule_date'))
            yield ' |\n|---:|---:|---|\n'
            for l_1_r in (undefined(name='schedule') if l_0_schedule is missing else l_0_schedule):
                _loop_vars = {}
                pass
                yield '| '
                yield str(environment.getattr(l_1_r, 'delivery'))
                yield ' | '
                yield str((environment.getattr(l_1_r, 'quantity_text') or '–'))
                yield ' | '
                yield str(environment.getattr(l_1_r, 'when'))
                if environment.getattr(l_1_r, 'note'):
                    pass
                    yield ' ('
                    yield str(t_8(environment.getattr(l_1_r, 'note')))
                    yield ')'
                yield ' |\n'
            l_1_r = missing
            yield '\n'
    yield '\n'
    if (undefined(name='terms') if l_0_terms is missing else l_0_terms):
        pass
        yield '## '
        yield str((undefined(name='terms_heading') if l_0_terms_heading is missing else l_0_terms_heading))
        yield '\n\n'
        for l_1_term in (undefined(name='terms') if l_0_terms is missing else l_0_terms):
            _loop_vars = {}
            pass
            yield '- **'
            yield str(environment.getattr(l_1_term, 'label'))
            yield ':** '
            yield str(t_8(environment.getattr(l_1_term, 'text')))
            yield '\n'
        l_1_term = missing
        yield '\n'
    if (undefined(name='assumptions') if l_0_assumptions is missing else l_0_assumptions):
        pass
        yield '## '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'assumptions'))
        yield '\n\n'
        for l_1_a in (undefined(name='assumptions') if l_0_assumptions is missing else l_0_assumptions):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_8(t_11(l_1_a)))
            yield '\n'
        l_1_a = missing
        yield '\n'
    if (undefined(name='questions') if l_0_questions is missing else l_0_questions):
        pass
        yield '## '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'we_need'))
        yield '\n\n'
        l_1_loop = missing
        for l_1_q, l_1_loop in LoopContext((undefined(name='questions') if l_0_questions is missing else l_0_questions), undefined):
            _loop_vars = {}
            pass
            yield str(environment.getattr(l_1_loop, 'index'))
            yield '. '
            yield str(t_8(environment.getattr(l_1_q, 'text')))
            if environment.getattr(l_1_q, 'choices'):
                pass
                yield ' ('
                yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_q, 'choices'), ' · ')))
                yield ')'
            yield '\n'
        l_1_loop = l_1_q = missing
        yield '\n'
        if (undefined(name='further_questions') if l_0_further_questions is missing else l_0_further_questions):
            pass
            yield str((undefined(name='further_questions_text') if l_0_further_questions_text is missing else l_0_further_questions_text))
            yield '\n\n'
            l_1_loop = missing
            for l_1_q, l_1_loop in LoopContext((undefined(name='further_questions') if l_0_further_questions is missing else l_0_further_questions), undefined):
                _loop_vars = {}
                pass
                yield str((t_6((undefined(name='questions') if l_0_questions is missing else l_0_questions)) + environment.getattr(l_1_loop, 'index')))
                yield '. '
                yield str(t_8(environment.getattr(l_1_q, 'text')))
                if environment.getattr(l_1_q, 'choices'):
                    pass
                    yield ' ('
                    yield str(t_8(t_5(context.eval_ctx, environment.getattr(l_1_q, 'choices'), ' · ')))
                    yield ')'
                yield '\n'
            l_1_loop = l_1_q = missing
            yield '\n'
        elif (undefined(name='more_questions') if l_0_more_questions is missing else l_0_more_questions):
            pass
            yield str((undefined(name='more_questions_text') if l_0_more_questions_text is missing else l_0_more_questions_text))
            yield '\n\n'
    if (undefined(name='advice') if l_0_advice is missing else l_0_advice):
        pass
        yield '## '
        yield str(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'design_advice'))
        yield '\n\n'
        for l_1_a in (undefined(name='advice') if l_0_advice is missing else l_0_advice):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_8(l_1_a))
            yield '\n'
        l_1_a = missing
        yield '\n'
    yield str(((undefined(name='closing') if l_0_closing is missing else l_0_closing) or (environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'closing') if (undefined(name='questions') if l_0_questions is missing else l_0_questions) else environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'closing_order'))))
    yield '\n\n**'
    yield str(t_8(environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'name')))
    yield '**'
    if environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'contact'):
        pass
        yield ' · '
        yield str(t_8(environment.getattr((undefined(name='provider') if l_0_provider is missing else l_0_provider), 'contact')))
    yield '\n'

blocks = {}
debug_info = '2=138&4=144&6=150&8=156&10=160&13=165&15=175&17=185&18=187&20=190&21=194&25=198&26=201&27=204&28=207&30=209&32=219&33=223&34=226&36=276&37=279&40=284&42=286&43=289&45=291&47=299&48=303&51=357&52=360&53=362&54=366&57=376&58=379&59=383&60=386&64=393&65=397&67=401&69=405&71=409&73=413&75=416&77=418&78=422&81=425&83=428&85=430&86=434&89=438&91=440&93=443&95=445&96=449&99=452&101=455&103=457&104=461&105=475&106=479&107=482&108=485&110=502&115=512&116=515&118=518&119=523&120=534&125=539&126=542&128=544&130=550&131=554&137=568&138=571&140=573&141=577&145=583&146=586&148=588&149=592&153=596&154=599&156=602&157=605&161=616&163=621&164=624&168=635&172=639&173=642&175=644&176=648&180=652&182=654'