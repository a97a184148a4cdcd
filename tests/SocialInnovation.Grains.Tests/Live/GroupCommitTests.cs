using Orleans.Core.Internal;
using SocialInnovation.Camps;
using SocialInnovation.Grains.Camps;
using SocialInnovation.Live;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>
/// Commands that arrive while a write is in flight are applied and stored together by the next write;
/// each caller is answered only once the write holding its change is stored. A join's change is the
/// roster's: the camp's new counts follow with the camp's own group commit, off the join's path.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupCommitTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Fifty_people_joining_at_once_take_far_fewer_writes_and_each_is_answered_only_once_the_roster_stored_them()
    {
        var (camp, _, created) = await NewCamp();
        var roster = Roster(camp);
        Fixture.Storage.SlowWrites(roster.GetGrainId(), TimeSpan.FromMilliseconds(50));
        Fixture.Storage.SlowWrites(camp.GetGrainId(), TimeSpan.FromMilliseconds(50));
        var rosterWritesBefore = Fixture.Storage.Writes(roster.GetGrainId());
        var campWritesBefore = Fixture.Storage.Writes(camp.GetGrainId());
        var people = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(people.Select(async (person, i) =>
        {
            (await camp.AdmitMember(person, $"Participant {i}", CampRole.Participant)).Ok();
            Assert.True((await StoredMembers(roster)).Contains(person), "answered before its admission was stored");
        }));
        // A phase change is answered once stored, so every count appended before it is stored by then.
        var moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim")).Ok();

        Assert.InRange(Fixture.Storage.Writes(roster.GetGrainId()) - rosterWritesBefore, 1, 10);
        Assert.InRange(Fixture.Storage.Writes(camp.GetGrainId()) - campWritesBefore, 1, 11);
        var final = await Fixture.ReadStored<CampState>(camp, "camp");
        Assert.Equal(51, (await StoredMembers(roster)).Count);
        Assert.Equal(50, final.Counts!.Participants);
        Assert.Equal(created.Seq + 51, final.Log.Seq);
        Assert.Empty(final.Members); // the camp's own write does not grow with its roster
        Assert.Empty(final.Log.Recent); // nor with its events: a new activation's epoch never serves stored ones
        // Watchers got every join, in order, each once stored.
        var events = (await camp.CatchUp(new StreamPosition(created.Epoch, created.Seq))).Ok().Events;
        Assert.Equal(Enumerable.Range(1, 51).Select(s => created.Seq + s), events.Select(e => e.Seq));
        Assert.Equal(people.Select((_, i) => $"Participant {i}").Order(), events.SkipLast(1).Select(e => e.Change().MemberName!).Order());
        Assert.Equal(moved.Seq, events[^1].Seq);
    }

    [Fact]
    public async Task When_the_rosters_grouped_write_fails_no_caller_in_it_is_acknowledged_and_every_acknowledged_join_is_stored()
    {
        var (camp, _, _) = await NewCamp();
        var roster = Roster(camp);
        Fixture.Storage.SlowWrites(roster.GetGrainId(), TimeSpan.FromMilliseconds(50));
        Fixture.Storage.FailNextWrite(roster.GetGrainId());
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

        var stored = await StoredMembers(roster);
        Assert.Contains(false, acknowledged);
        Assert.All(people.Where((_, i) => acknowledged[i]), person => Assert.Contains(person, stored));
    }

    [Fact]
    public async Task When_the_camps_write_of_new_counts_fails_every_join_stays_acknowledged_and_the_next_activation_counts_them()
    {
        var (camp, _, _) = await NewCamp();
        Fixture.Storage.SlowWrites(camp.GetGrainId(), TimeSpan.FromMilliseconds(50));
        Fixture.Storage.FailNextWrite(camp.GetGrainId());
        var people = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(people.Select(async (person, i) => (await camp.AdmitMember(person, $"Participant {i}", CampRole.Participant)).Ok()));
        // The camp's first write of those counts failed, so the activation that made it takes no more
        // changes (a retryable refusal) and goes; the phase change is retried until a new one takes it.
        CampSnapshot? moved = null;
        for (var attempt = 0; attempt < 5 && moved is null; attempt++)
        {
            try
            {
                moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim")).Ok();
            }
            catch (Exception)
            {
            }
        }

        var stored = await Fixture.ReadStored<CampState>(camp, "camp");
        var roster = await StoredMembers(Roster(camp));
        Assert.All(people, person => Assert.Contains(person, roster));
        Assert.Equal(20, moved!.Members.Participants);
        Assert.Equal(20, stored.Counts!.Participants);
    }

    [Fact]
    public async Task A_join_stores_the_recent_members_only_and_the_whole_roster_once_per_fold_with_every_member_kept()
    {
        var (camp, _, _) = await NewCamp();
        var roster = Roster(camp);
        var people = Enumerable.Range(0, CampRosterGrain.FoldAt + 10).Select(_ => Guid.NewGuid()).ToList();

        foreach (var (person, i) in people.Select((p, i) => (p, i)))
            (await camp.AdmitMember(person, $"Participant {i}", CampRole.Participant)).Ok();

        var whole = await Fixture.ReadStored<CampRosterState>(roster, "roster");
        var recent = await Fixture.ReadStored<RecentMembersState>(roster, "roster-recent");
        Assert.InRange(whole.Members.Count, CampRosterGrain.FoldAt, people.Count); // folded once: the organizer and the first joins
        Assert.InRange(recent.Members.Count, 1, CampRosterGrain.FoldAt - 1);
        await roster.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var members = await roster.GetMembers();
        Assert.Equal(people.Count + 1, members.Count);
        Assert.Equal(people.Count, (await roster.GetCounts()).Counts.Participants);
        var again = await roster.Admit(new CampMember(people[0], "Participant 0", CampRole.Participant, DateTimeOffset.UtcNow), true);
        Assert.False(again.Added);
    }

    /// <summary>The members storage holds: the whole roster's and the recent ones'.</summary>
    private async Task<HashSet<Guid>> StoredMembers(ICampRosterGrain roster) =>
    [
        .. (await Fixture.ReadStored<CampRosterState>(roster, "roster")).Members.Keys,
        .. (await Fixture.ReadStored<RecentMembersState>(roster, "roster-recent")).Members.Keys,
    ];

    private ICampRosterGrain Roster(ICampGrain camp) => Grains.GetGrain<ICampRosterGrain>(camp.GetPrimaryKey());
}
