def test_it_loads_the_story(main_case):
    assert main_case.state == "accepted"
    assert main_case.owning_unit.code == "pu"
