"""Criteria, weights (direct and AHP) and scores."""

from portfolio.models import Criterion, Judgement, Score


def test_it_creates_the_default_criteria_on_request(client, member):
    client.force_login(member)
    r = client.get("/skovby/prioritisation/")
    assert r.status_code == 200 and "Opret standardkriterierne" in r.content.decode()
    assert not Criterion.objects.exists()  # never on GET
    r = client.post("/skovby/prioritisation/defaults/")
    assert r.status_code == 302
    assert Criterion.objects.count() == 6
    assert Criterion.objects.first().level_5.startswith("5")


def test_a_reader_cannot_change_criteria_or_score(client, reader, initiative):
    client.force_login(reader)
    assert client.post("/skovby/prioritisation/defaults/").status_code == 403
    assert client.get("/skovby/prioritisation/weights/").status_code == 403
    c = Criterion.objects.create(organisation=initiative.organisation, name="Mål")
    assert client.get("/skovby/initiatives/1/score/").status_code == 200
    assert client.post("/skovby/initiatives/1/score/", {f"c_{c.pk}": "5"}).status_code == 403
    assert not Score.objects.exists()


def test_weights_set_directly_show_as_shares(client, member, org):
    a = Criterion.objects.create(organisation=org, name="Mål", weight=1)
    b = Criterion.objects.create(organisation=org, name="Økonomi", weight=1)
    client.force_login(member)
    r = client.post("/skovby/prioritisation/weights/", {f"w_{a.pk}": "3", f"w_{b.pk}": "1"})
    assert r.status_code == 302
    page = client.get("/skovby/prioritisation/").content.decode()
    assert "75,0 %" in page and "25,0 %" in page


def test_all_zero_weights_are_refused(client, member, org):
    a = Criterion.objects.create(organisation=org, name="Mål", weight=1)
    client.force_login(member)
    r = client.post("/skovby/prioritisation/weights/", {f"w_{a.pk}": "0"})
    assert r.status_code == 400
    a.refresh_from_db()
    assert a.weight == 1


def test_pairwise_comparisons_set_the_weights_and_flag_inconsistency(client, member, org):
    a, b, c = (Criterion.objects.create(organisation=org, name=n) for n in ("A", "B", "C"))
    client.force_login(member)
    # A ≫ B, B ≫ C, yet C ≫ A: a cycle, CR far above 0.10.
    data = {f"p_{a.pk}_{b.pk}": "5", f"p_{b.pk}_{c.pk}": "5", f"p_{a.pk}_{c.pk}": "1/5"}
    r = client.post("/skovby/prioritisation/pairwise/", data)
    assert r.status_code == 200
    assert "Inkonsistent" in r.content.decode()
    assert not Judgement.objects.exists()  # computing alone saves nothing
    r = client.post("/skovby/prioritisation/pairwise/", {**data, "apply": "1"}, follow=True)
    assert "inkonsistente" in r.content.decode()
    assert Judgement.objects.count() == 3
    # A consistent set: weights 4:2:1.
    data = {f"p_{a.pk}_{b.pk}": "3", f"p_{b.pk}_{c.pk}": "3", f"p_{a.pk}_{c.pk}": "9"}
    client.post("/skovby/prioritisation/pairwise/", {**data, "apply": "1"})
    weights = [float(x.weight) for x in Criterion.objects.order_by("pk")]
    assert weights[0] > weights[1] > weights[2]
    assert abs(sum(weights) - 100) < 0.1
    page = client.get("/skovby/prioritisation/").content.decode()
    assert "konsistente" in page


def test_scores_are_personal_and_averaged(client, member, admin_member, initiative, org):
    c = Criterion.objects.create(organisation=org, name="Mål", weight=1)
    client.force_login(member)
    assert client.post("/skovby/initiatives/1/score/", {f"c_{c.pk}": "5"}).status_code == 302
    client.force_login(admin_member)
    client.post("/skovby/initiatives/1/score/", {f"c_{c.pk}": "2"})
    client.post("/skovby/initiatives/1/score/", {f"c_{c.pk}": "3"})  # changes own score
    assert Score.objects.count() == 2
    page = client.get("/skovby/prioritisation/").content.decode()
    assert "4,00" in page  # (5 + 3) / 2
    # Removing one's score.
    client.post("/skovby/initiatives/1/score/", {f"c_{c.pk}": ""})
    assert Score.objects.count() == 1


def test_a_score_outside_1_to_5_is_refused(client, member, initiative, org):
    c = Criterion.objects.create(organisation=org, name="Mål", weight=1)
    client.force_login(member)
    r = client.post("/skovby/initiatives/1/score/", {f"c_{c.pk}": "7"})
    assert r.status_code == 400
    assert not Score.objects.exists()


def test_the_ranking_sorts_by_score(client, member, org, initiative):
    from initiatives.models import Initiative

    other = Initiative.objects.create(
        organisation=org, number=2, title="Robot", track="must_win", result_goals="x", stage="idea"
    )
    c = Criterion.objects.create(organisation=org, name="Mål", weight=1)
    Score.objects.create(organisation=org, initiative=other, criterion=c, scorer=member, value=5)
    Score.objects.create(
        organisation=org, initiative=initiative, criterion=c, scorer=member, value=2
    )
    client.force_login(member)
    page = client.get("/skovby/prioritisation/?sort=score").content.decode()
    assert page.index("I-002 Robot") < page.index("I-001 Ny borgerportal")
    page = client.get("/skovby/prioritisation/?sort=-score").content.decode()
    assert page.index("I-001 Ny borgerportal") < page.index("I-002 Robot")
