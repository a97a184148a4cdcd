using SocialInnovation.Camps;
using SocialInnovation.Grains.Camps;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>
/// Commands that arrive while a write is in flight are applied and stored together by the next write;
/// each caller is answered only once the write holding its change is stored.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupCommitTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Fifty_people_joining_at_once_take_far_fewer_writes_and_each_is_answered_only_once_stored()
    {
        var (camp, _, _) = await NewCamp();
        Fixture.Storage.SlowWrites(camp.GetGrainId(), TimeSpan.FromMilliseconds(50));
        var writesBefore = Fixture.Storage.Writes(camp.GetGrainId());
        var people = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(people.Select(async (person, i) =>
        {
            (await camp.AdmitMember(person, $"Participant {i}", CampRole.Participant)).Ok();
            var roster = await Fixture.ReadStored<CampRosterState>(Roster(camp), "roster");
            var stored = await Fixture.ReadStored<CampState>(camp, "camp");
            Assert.True(roster.Members.ContainsKey(person), "answered before its admission was stored");
            Assert.True(stored.Log.Recent.Any(e => e.Read<CampEvent>().MemberName == $"Participant {i}"), "answered before its event was stored");
        }));

        var writes = Fixture.Storage.Writes(camp.GetGrainId()) - writesBefore;
        Assert.InRange(writes, 1, 10);
        var final = await Fixture.ReadStored<CampState>(camp, "camp");
        Assert.Equal(51, (await Fixture.ReadStored<CampRosterState>(Roster(camp), "roster")).Members.Count);
        Assert.Equal(50, final.Counts!.Participants);
        Assert.Empty(final.Members); // the camp's own write does not grow with its roster
        Assert.Equal(Enumerable.Range(1, 51).Select(s => (long)s), final.Log.Recent.Select(e => e.Seq));
    }

    [Fact]
    public async Task When_a_grouped_write_fails_no_caller_in_it_is_acknowledged_and_every_acknowledged_join_is_stored()
    {
        var (camp, _, _) = await NewCamp();
        Fixture.Storage.SlowWrites(camp.GetGrainId(), TimeSpan.FromMilliseconds(50));
        Fixture.Storage.FailNextWrite(camp.GetGrainId());
        var people = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var acknowledged = await Task.WhenAll(people.Select(async (person, i) =>
        {
            try
            {
                return (await camp.AdmitMember(person, $"Participant {i}", CampRole.Participant)).IsOk;
            }
            catch (Exception)
            {
                return false;
            }
        }));

        var stored = await Fixture.ReadStored<CampState>(camp, "camp");
        var roster = await Fixture.ReadStored<CampRosterState>(Roster(camp), "roster");
        var announced = stored.Log.Recent.Select(e => e.Read<CampEvent>().MemberName).ToHashSet();
        Assert.Contains(false, acknowledged);
        Assert.All(people.Select((p, i) => (p, i)).Where(x => acknowledged[x.i]), x =>
        {
            Assert.Contains(x.p, roster.Members.Keys);
            Assert.Contains($"Participant {x.i}", announced);
        });
    }

    private ICampRosterGrain Roster(ICampGrain camp) => Grains.GetGrain<ICampRosterGrain>(camp.GetPrimaryKey());
}
