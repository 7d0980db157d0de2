"""The one reader of a condition's tree: fields, comparisons and the first test."""

from producibility.conditions.analysis import Operand, comparisons, field_of, first_test
from producibility.conditions.expressions import compile_condition


def tree(text):
    return compile_condition(text).tree


def test_a_field_is_scope_dot_name_or_scope_bracket_name():
    assert field_of(tree("part.material")) == ("part", "material")
    assert field_of(tree("part['material']")) == ("part", "material")
    assert field_of(tree("part.sizes[0]")) is None
    assert field_of(tree("part.sizes | max")) is None


def test_comparisons_include_the_whole_condition_and_nested_ones():
    found = comparisons(tree("request.quantity < 20"))
    assert len(found) == 1
    (left, op, right), = found[0].pairs()
    assert (left.field, op, right.constants) == (("request", "quantity"), "lt", (20,))
    assert comparisons(tree("request.quantity < 20"), root=False) == []
    nested = comparisons(tree("part.material in ['pom', 'pa6'] and not part.x == 'y'"))
    assert [c.fields for c in nested] == [[("part", "material")], [("part", "x")]]
    assert nested[0].constants == ["pom", "pa6"]
    chain = comparisons(tree("1 < part.a <= part.b"))[0]
    assert [op for _, op, _ in chain.pairs()] == ["lt", "lteq"]
    assert chain.fields == [("part", "a"), ("part", "b")]


def test_operands_tell_constants_lists_and_fields_apart():
    left, right = comparisons(tree("part.a in ['x', part.b]"))[0].operands
    assert left == Operand(field=("part", "a"))
    assert right.is_list and not right.literal and right.constants == ("x",)
    assert comparisons(tree("part.a == 3"))[0].operands[1].constant == 3


def test_the_first_test_reads_either_spelling_of_a_field():
    assert first_test(tree("part['tolerance_mm'] < 0.02 and part.x")) == \
        (("part", "tolerance_mm"), "lt", 0.02)
    assert first_test(tree("3 > part.a")).kind == "lt"
    assert first_test(tree("part.a + 1 > 3")) is None
