from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'questionnaire.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_L = resolve('L')
    l_0_id = resolve('id')
    l_0_version = resolve('version')
    l_0_sections = resolve('sections')
    l_0_answer = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_3 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_4 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    pass
    def macro(l_1_q):
        t_5 = []
        if l_1_q is missing:
            l_1_q = undefined("parameter 'q' was not provided", name='q')
        pass
        if (environment.getattr(l_1_q, 'type') == 'yes_no'):
            pass
            t_5.extend((
                '☐ ',
                str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'yes')),
                ' &emsp; ☐ ',
                str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no')),
                '\n',
            ))
        elif (environment.getattr(l_1_q, 'type') in ('choice', 'multi_choice')):
            pass
            t_5.extend((
                str((environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'choose_one') if (environment.getattr(l_1_q, 'type') == 'choice') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'choose_many'))),
                '\n\n',
            ))
            for l_2_c in environment.getattr(l_1_q, 'choices'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '- ☐ ',
                    str(environment.getattr(l_2_c, 'label')),
                ))
                if (environment.getattr(l_2_c, 'label') != environment.getattr(l_2_c, 'value')):
                    pass
                    t_5.extend((
                        ' (`',
                        str(environment.getattr(l_2_c, 'value')),
                        '`)',
                    ))
                t_5.append(
                    '\n',
                )
            l_2_c = missing
        elif (environment.getattr(l_1_q, 'type') == 'date'):
            pass
            t_5.extend((
                str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'answer')),
                ': .................... (',
                str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'date')),
                ')\n',
            ))
        elif (environment.getattr(l_1_q, 'type') == 'dimensions'):
            pass
            t_5.extend((
                str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'dims'), 0)),
                ' .......... x ',
                str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'dims'), 1)),
                ' .......... x ',
                str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'dims'), 2)),
                ' .......... ',
                str(environment.getattr(l_1_q, 'unit')),
                '\n',
            ))
        elif (environment.getattr(l_1_q, 'type') == 'number'):
            pass
            t_5.extend((
                str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'answer')),
                ': .................... ',
                str(environment.getattr(l_1_q, 'unit')),
            ))
            if (environment.getattr(l_1_q, 'limits') or environment.getattr(l_1_q, 'integer')):
                pass
                t_5.extend((
                    ' (',
                    str(t_1(context.eval_ctx, t_3(context, [environment.getattr(l_1_q, 'limits'), (environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'integer') if environment.getattr(l_1_q, 'integer') else '')]), ', ')),
                    ')',
                ))
            t_5.append(
                '\n',
            )
        else:
            pass
            t_5.extend((
                str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'answer')),
                ': ............................................................\n',
            ))
        return concat(t_5)
    context.exported_vars.add('answer')
    context.vars['answer'] = l_0_answer = Macro(environment, macro, 'answer', ('q',), False, False, False, context.eval_ctx.autoescape)
    yield '# '
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '\n\n'
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'questionnaire'))
    yield ' `'
    yield str((undefined(name='id') if l_0_id is missing else l_0_id))
    yield '` '
    yield str((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '\n\n'
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'intro'))
    yield '\n\n'
    yield str(t_2(context.eval_ctx, environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'legend'), '*', '\\*'))
    yield '\n'
    l_1_loop = missing
    for l_1_s, l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
        l_1_columns = resolve('columns')
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(environment.getattr(l_1_s, 'number'))
        yield '. '
        yield str(environment.getattr(l_1_s, 'title'))
        yield '\n\n'
        if environment.getattr(l_1_s, 'repeat'):
            pass
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'parts_intro'))
            yield '\n\n| | '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'question'))
            yield ' |'
            for l_2_c in (undefined(name='columns') if l_1_columns is missing else l_1_columns):
                _loop_vars = {}
                pass
                yield ' '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'part'))
                yield ' '
                yield str(l_2_c)
                yield ' |'
            l_2_c = missing
            yield '\n|---|---|'
            for l_2_c in (undefined(name='columns') if l_1_columns is missing else l_1_columns):
                _loop_vars = {}
                pass
                yield '---|'
            l_2_c = missing
            yield '\n'
            for l_2_q in environment.getattr(l_1_s, 'questions'):
                _loop_vars = {}
                pass
                yield '| '
                yield str(environment.getattr(l_2_q, 'number'))
                yield ' | '
                yield str(t_2(context.eval_ctx, environment.getattr(l_2_q, 'text'), '|', '\\|'))
                if environment.getattr(l_2_q, 'required'):
                    pass
                    yield ' \\*'
                if environment.getattr(l_2_q, 'short'):
                    pass
                    yield '<br>_'
                    yield str(t_2(context.eval_ctx, environment.getattr(l_2_q, 'short'), '|', '\\|'))
                    yield '_'
                yield ' |'
                for l_3_c in (undefined(name='columns') if l_1_columns is missing else l_1_columns):
                    _loop_vars = {}
                    pass
                    yield ' &nbsp; |'
                l_3_c = missing
                yield '\n'
            l_2_q = missing
            yield '\n### '
            yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'notes'))
            yield '\n'
            l_2_loop = missing
            for l_2_q, l_2_loop in LoopContext(environment.getattr(l_1_s, 'questions'), undefined):
                _loop_vars = {}
                pass
                yield '\n**'
                yield str(environment.getattr(l_2_q, 'number'))
                yield ' '
                yield str(environment.getattr(l_2_q, 'text'))
                yield '**'
                if environment.getattr(l_2_q, 'required'):
                    pass
                    yield ' \\*'
                if environment.getattr(l_2_q, 'help'):
                    pass
                    yield ': '
                    yield str(environment.getattr(l_2_q, 'help'))
                yield '\n'
                if environment.getattr(l_2_q, 'condition'):
                    pass
                    yield '_'
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'only_if'))
                    yield ' '
                    yield str(environment.getattr(l_2_q, 'condition'))
                    yield '._\n'
                if environment.getattr(l_2_q, 'choices'):
                    pass
                    l_3_loop = missing
                    for l_3_c, l_3_loop in LoopContext(environment.getattr(l_2_q, 'choices'), undefined):
                        _loop_vars = {}
                        pass
                        yield str(environment.getattr(l_3_c, 'n'))
                        yield ' = '
                        yield str(environment.getattr(l_3_c, 'label'))
                        yield str(('; ' if (not environment.getattr(l_3_loop, 'last')) else '.'))
                    l_3_loop = l_3_c = missing
                    yield '\n'
                elif environment.getattr(l_2_q, 'limits'):
                    pass
                    yield str(environment.getattr(l_2_q, 'limits'))
                    yield ' '
                    yield str(environment.getattr(l_2_q, 'unit'))
                    if environment.getattr(l_2_q, 'integer'):
                        pass
                        yield ', '
                        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'integer'))
                    yield '.\n'
            l_2_loop = l_2_q = missing
        else:
            pass
            l_2_loop = missing
            for l_2_q, l_2_loop in LoopContext(environment.getattr(l_1_s, 'questions'), undefined):
                _loop_vars = {}
                pass
                yield '**'
                yield str(environment.getattr(l_2_q, 'number'))
                yield ' '
                yield str(environment.getattr(l_2_q, 'text'))
                yield '**'
                if environment.getattr(l_2_q, 'required'):
                    pass
                    yield ' \\*'
                yield '\n'
                if environment.getattr(l_2_q, 'help'):
                    pass
                    yield '_'
                    yield str(environment.getattr(l_2_q, 'help'))
                    yield '_\n'
                if environment.getattr(l_2_q, 'condition'):
                    pass
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'only_if'))
                    yield ' '
                    yield str(environment.getattr(l_2_q, 'condition'))
                    yield '.\n'
                yield '\n'
                yield str(t_4(environment.call(context, (undefined(name='answer') if l_0_answer is missing else l_0_answer), l_2_q, _loop_vars=_loop_vars)))
                yield '\n'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '\n'
            l_2_loop = l_2_q = missing
    l_1_loop = l_1_s = l_1_columns = missing

blocks = {}
debug_info = '4=41&5=46&6=50&7=55&8=58&10=61&11=66&13=79&14=82&15=87&16=90&17=99&18=102&20=119&23=126&25=128&27=134&29=136&30=139&32=144&34=148&35=150&37=152&38=164&39=170&40=174&43=194&44=197&46=201&47=213&48=216&50=220&51=223&52=232&53=234&57=246&58=250&59=258&60=261&62=263&63=265&66=270&67=272'