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
            if environment.getattr(l_1_q, 'none'):
                pass
                t_5.extend((
                    '- ☐ ',
                    str(environment.getattr(l_1_q, 'none')),
                    '\n',
                ))
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
            if environment.getattr(l_1_q, 'none'):
                pass
                t_5.extend((
                    ' &emsp; ☐ ',
                    str(environment.getattr(l_1_q, 'none')),
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
                if environment.getattr(l_2_q, 'none'):
                    pass
                    yield '☐ '
                    yield str(environment.getattr(l_2_q, 'none'))
                    yield '\n'
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
debug_info = '4=41&5=46&6=50&7=55&8=58&10=61&11=66&13=79&14=83&16=86&17=89&18=94&19=97&20=106&21=109&23=132&26=139&28=141&30=147&32=149&33=152&35=157&37=161&38=163&40=165&41=177&42=183&43=187&46=207&47=210&49=214&50=226&51=229&53=233&54=236&55=245&56=247&58=255&59=258&63=264&64=268&65=276&66=279&68=281&69=283&72=288&73=290'