using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using SocialInnovation.Camps;
using SocialInnovation.Grains.Camps;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Camps;

/// <summary>The roster lives in its own grain; camps stored before that move theirs there when they wake.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RosterMoveTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task A_camp_stored_with_its_roster_inside_moves_it_to_the_roster_grain_and_keeps_its_counts()
    {
        var campId = Guid.NewGuid();
        var members = new[]
        {
            new CampMember(Guid.NewGuid(), "Aigerim", CampRole.Organizer, DateTimeOffset.UtcNow.AddDays(-2)),
            new CampMember(Guid.NewGuid(), "Dilnoza", CampRole.Participant, DateTimeOffset.UtcNow.AddDays(-1)),
        };
        var old = new CampState { Details = ValidDetails(), CreatedBy = members[0].PersonId, CreatedWithKey = "old", Members = members.ToDictionary(m => m.PersonId) };
        var storage = Fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        var camp = Grains.GetGrain<ICampGrain>(campId);
        await storage.WriteStateAsync("camp", camp.GetGrainId(), new GrainState<CampState>(old));

        var listed = await camp.GetMembers();
        var snapshot = (await camp.GetSnapshot())!;
        var stored = await Fixture.ReadStored<CampState>(camp, "camp");

        Assert.Equal(["Aigerim", "Dilnoza"], listed.Select(m => m.Name));
        Assert.Equal(new MemberCounts(1, 1, 0, 0), snapshot.Members);
        Assert.Empty(stored.Members);
    }
}
