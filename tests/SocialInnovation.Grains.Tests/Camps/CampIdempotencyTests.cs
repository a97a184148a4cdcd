using SocialInnovation.Camps;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Tests.Camps;

/// <summary>A retried write is applied once; a key reused for something else is a client bug.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CampIdempotencyTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task A_retried_phase_change_is_applied_once()
    {
        var (camp, _, created) = await NewCamp();
        var command = new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey());

        var first = (await camp.ChangePhase(command, "Aigerim")).Ok();
        var retried = (await camp.ChangePhase(command, "Aigerim")).Ok();

        Assert.Equal(created.Seq + 1, first.Seq);
        AssertSameCamp(first, retried);
        Assert.Single((await camp.GetSnapshot())!.History);
        Assert.Single(await camp.EventsAfter(created));
    }

    [Fact]
    public async Task A_retry_arriving_after_a_later_change_does_not_undo_it()
    {
        var (camp, _, _) = await NewCamp();
        var first = new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey());
        await camp.ChangePhase(first, "Aigerim");
        var later = (await camp.ChangePhase(new ChangePhase(CampPhase.Applications, CampPhase.Selection, NewKey()), "Aigerim")).Ok();

        var retried = (await camp.ChangePhase(first, "Aigerim")).Ok();

        AssertSameCamp(later, retried);
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_phase_change_is_refused()
    {
        var (camp, _, _) = await NewCamp();
        var key = NewKey();
        var moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, key), "Aigerim")).Ok();

        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Applications, CampPhase.Selection, key), "Aigerim");

        outcome.Refused("idempotency.reused", ErrorKind.Conflict);
        AssertSameCamp(moved, await camp.GetSnapshot());
    }

    [Fact]
    public async Task A_retried_camp_creation_by_the_same_organizer_returns_the_same_camp()
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());
        var organizerId = Guid.NewGuid();
        var command = new CreateCamp(ValidDetails(), NewKey());

        var first = (await camp.Create(command, organizerId, "Aigerim")).Ok();
        var retried = (await camp.Create(command, organizerId, "Aigerim")).Ok();

        AssertSameCamp(first, retried);
        Assert.Equal(1, retried.Seq);
        Assert.Equal(new MemberCounts(1, 0, 0, 0), retried.Members);
    }

    [Fact]
    public async Task Creating_a_camp_that_another_organizer_already_created_is_refused()
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());
        var command = new CreateCamp(ValidDetails(), NewKey());
        var created = (await camp.Create(command, Guid.NewGuid(), "Aigerim")).Ok();

        var outcome = await camp.Create(command, Guid.NewGuid(), "Timur");

        outcome.Refused("camp.exists", ErrorKind.Conflict);
        AssertSameCamp(created, await camp.GetSnapshot());
    }

    [Fact]
    public async Task Creating_a_camp_again_with_another_key_is_refused()
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());
        var organizerId = Guid.NewGuid();
        await camp.Create(new CreateCamp(ValidDetails(), NewKey()), organizerId, "Aigerim");

        var outcome = await camp.Create(new CreateCamp(ValidDetails(), NewKey()), organizerId, "Aigerim");

        outcome.Refused("camp.exists", ErrorKind.Conflict);
    }
}
