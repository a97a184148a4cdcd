using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Camps;

[Collection(ClusterCollection.Name)]
public sealed class MembersTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task The_organizer_who_creates_a_camp_is_its_first_member()
    {
        var (camp, organizerId, created) = await NewCamp();

        var member = Assert.Single(await camp.GetMembers());

        Assert.Equal((organizerId, "Aigerim", CampRole.Organizer), (member.PersonId, member.Name, member.Role));
        Assert.Equal(new MemberCounts(1, 0, 0, 0), created.Members);
    }

    [Fact]
    public async Task Admitting_a_member_counts_them_and_announces_who_joined()
    {
        var (camp, _, created) = await NewCamp();
        var personId = Guid.NewGuid();

        var member = (await camp.AdmitMember(personId, "Farrukh", CampRole.Mentor)).Ok();

        Assert.Equal((personId, "Farrukh", CampRole.Mentor), (member.PersonId, member.Name, member.Role));
        var snapshot = (await camp.GetSnapshot())!;
        Assert.Equal(created.Seq + 1, snapshot.Seq);
        Assert.Equal(new MemberCounts(1, 0, 1, 0), snapshot.Members);
        var joined = Assert.Single(await camp.EventsAfter(created));
        Assert.Equal(CampEventKind.MemberJoined, joined.CampKind());
        Assert.Equal(("Farrukh", CampRole.Mentor), (joined.Change().MemberName, joined.Change().MemberRole));
        Assert.Equal(snapshot.Members, joined.Change().Members);
        Assert.Equal(snapshot.Seq, joined.Seq);
    }

    [Fact]
    public async Task Members_are_counted_by_role()
    {
        var (camp, _, _) = await NewCamp();

        await camp.AdmitMember(Guid.NewGuid(), "Timur", CampRole.Participant);
        await camp.AdmitMember(Guid.NewGuid(), "Madina", CampRole.Participant);
        await camp.AdmitMember(Guid.NewGuid(), "Farrukh", CampRole.Mentor);
        await camp.AdmitMember(Guid.NewGuid(), "Gulnara", CampRole.Judge);

        Assert.Equal(new MemberCounts(1, 2, 1, 1), (await camp.GetSnapshot())!.Members);
        Assert.Equal(5, (await camp.GetMembers()).Count);
    }

    [Fact]
    public async Task Admitting_the_same_person_twice_changes_nothing()
    {
        var (camp, _, _) = await NewCamp();
        var personId = Guid.NewGuid();
        var first = (await camp.AdmitMember(personId, "Timur", CampRole.Participant)).Ok();
        var before = (await camp.GetSnapshot())!;

        var again = (await camp.AdmitMember(personId, "Timur T.", CampRole.Judge)).Ok();

        Assert.Equal(first, again);
        AssertSameCamp(before, await camp.GetSnapshot());
        Assert.Empty(await camp.EventsAfter(before));
    }

    [Fact]
    public async Task Admitting_someone_to_a_camp_that_does_not_exist_is_refused()
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());

        var outcome = await camp.AdmitMember(Guid.NewGuid(), "Timur", CampRole.Participant);

        outcome.Refused("camp.unknown", ErrorKind.NotFound);
        Assert.Null(await camp.GetSnapshot());
    }

    [Fact]
    public async Task An_archived_camp_admits_no_new_members()
    {
        var (camp, _, _) = await NewCamp();
        await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Archived, NewKey()), "Aigerim");
        var archived = (await camp.GetSnapshot())!;

        var outcome = await camp.AdmitMember(Guid.NewGuid(), "Timur", CampRole.Participant);

        outcome.Refused("camp.archived", ErrorKind.Conflict);
        AssertSameCamp(archived, await camp.GetSnapshot());
    }
}
