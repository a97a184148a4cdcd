using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Camps;

namespace SocialInnovation.Grains.Tests.Camps;

[Collection(ClusterCollection.Name)]
public sealed class PhaseChangeTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Moving_a_camp_one_phase_forward_is_recorded_in_its_history()
    {
        var (camp, _, created) = await NewCamp();

        var moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim")).Ok();

        Assert.Equal(CampPhase.Applications, moved.Phase);
        Assert.Equal(created.Seq + 1, moved.Seq);
        var change = Assert.Single(moved.History);
        Assert.Equal((CampPhase.Draft, CampPhase.Applications, "Aigerim"), (change.From, change.To, change.ByName));
        Assert.Equal([CampPhase.Draft, CampPhase.Selection, CampPhase.Archived], moved.AllowedPhases);
        AssertSameCamp(moved, await camp.GetSnapshot());
    }

    [Fact]
    public async Task Moving_a_camp_one_phase_back_undoes_a_mistaken_click()
    {
        var (camp, _, _) = await NewCamp();
        await StepForwardTo(camp, CampPhase.Selection);

        var back = (await camp.ChangePhase(new ChangePhase(CampPhase.Selection, CampPhase.Applications, NewKey()), "Aigerim")).Ok();

        Assert.Equal(CampPhase.Applications, back.Phase);
        Assert.Equal(3, back.History.Count);
    }

    [Fact]
    public async Task A_camp_moved_back_and_forth_keeps_its_latest_phase_changes()
    {
        var (camp, _, _) = await NewCamp();
        var phase = CampPhase.Draft;
        for (var i = 0; i < CampGrain.HistoryKept + 5; i++)
        {
            var to = phase == CampPhase.Draft ? CampPhase.Applications : CampPhase.Draft;
            await camp.ChangePhase(new ChangePhase(phase, to, NewKey()), $"Aigerim {i}");
            phase = to;
        }

        var history = (await camp.GetSnapshot())!.History;

        Assert.Equal(CampGrain.HistoryKept, history.Count);
        Assert.Equal($"Aigerim {CampGrain.HistoryKept + 4}", history[^1].ByName);
        Assert.Equal("Aigerim 5", history[0].ByName);
    }

    [Theory]
    [InlineData(CampPhase.Draft)]
    [InlineData(CampPhase.Applications)]
    [InlineData(CampPhase.Teams)]
    [InlineData(CampPhase.Judging)]
    [InlineData(CampPhase.Results)]
    public async Task A_camp_can_be_archived_from_any_phase(CampPhase phase)
    {
        var (camp, _, _) = await NewCamp();
        await StepForwardTo(camp, phase);

        var archived = (await camp.ChangePhase(new ChangePhase(phase, CampPhase.Archived, NewKey()), "Aigerim")).Ok();

        Assert.Equal(CampPhase.Archived, archived.Phase);
        Assert.Empty(archived.AllowedPhases);
    }

    [Fact]
    public async Task Moving_a_camp_two_phases_ahead_is_refused_with_a_reason()
    {
        var (camp, _, created) = await NewCamp();

        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Selection, NewKey()), "Aigerim");

        var error = outcome.Refused("phase.jump", ErrorKind.Conflict);
        Assert.Contains("Applications", error.Detail);
        Assert.Contains("archived", error.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Selection", error.Detail);
        AssertSameCamp(created, await camp.GetSnapshot());
    }

    [Fact]
    public async Task An_archived_camp_is_final()
    {
        var (camp, _, _) = await NewCamp();
        await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Archived, NewKey()), "Aigerim");
        var archived = (await camp.GetSnapshot())!;

        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Archived, CampPhase.Results, NewKey()), "Aigerim");

        outcome.Refused("phase.archived", ErrorKind.Conflict);
        AssertSameCamp(archived, await camp.GetSnapshot());
    }

    [Fact]
    public async Task Moving_a_camp_to_the_phase_it_is_in_is_refused()
    {
        var (camp, _, created) = await NewCamp();

        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Draft, NewKey()), "Aigerim");

        outcome.Refused("phase.unchanged", ErrorKind.Conflict);
        Assert.Equal(created.Seq, (await camp.GetSnapshot())!.Seq);
    }

    [Fact]
    public async Task A_change_based_on_a_phase_someone_else_already_left_is_refused_and_changes_nothing()
    {
        var (camp, _, _) = await NewCamp();
        var current = await StepForwardTo(camp, CampPhase.Selection);

        // The organizer still sees Applications and asks to move on from there.
        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Applications, CampPhase.Selection, NewKey()), "Dilnoza");

        var error = outcome.Refused("phase.stale", ErrorKind.Conflict);
        Assert.Contains("Selection", error.Detail);
        AssertSameCamp(current, await camp.GetSnapshot());
    }

    [Fact]
    public async Task Changing_the_phase_of_a_camp_that_was_never_created_is_refused_as_not_found()
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());

        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim");

        outcome.Refused("camp.unknown", ErrorKind.NotFound);
        Assert.Null(await camp.GetSnapshot());
    }
}
