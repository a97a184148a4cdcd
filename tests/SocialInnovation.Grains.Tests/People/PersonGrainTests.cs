using Orleans.Core.Internal;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.People;

[Collection(ClusterCollection.Name)]
public sealed class PersonGrainTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Someone_unknown_has_no_profile_and_no_role()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());

        Assert.Null(await person.GetProfile());
        Assert.Null(await person.GetRole(Guid.NewGuid()));
    }

    [Fact]
    public async Task Joining_a_camp_gives_the_person_that_role_there_only()
    {
        var personId = Guid.NewGuid();
        var person = Grains.GetGrain<IPersonGrain>(personId);
        var campId = Guid.NewGuid();

        var role = await person.Join(campId, CampRole.Mentor, "Farrukh");

        Assert.Equal(CampRole.Mentor, role);
        Assert.Equal(CampRole.Mentor, await person.GetRole(campId));
        Assert.Null(await person.GetRole(Guid.NewGuid()));
        var profile = (await person.GetProfile())!;
        Assert.Equal((personId, "Farrukh", false), (profile.PersonId, profile.Name, profile.IsPlatformOrganizer));
        Assert.Equal(CampRole.Mentor, Assert.Single(profile.Camps).Value);
    }

    [Fact]
    public async Task Joining_a_camp_again_never_silently_changes_the_persons_role()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        var campId = Guid.NewGuid();
        await person.Join(campId, CampRole.Organizer, "Aigerim");

        var role = await person.Join(campId, CampRole.Participant, "Aigerim B.");

        Assert.Equal(CampRole.Organizer, role);
        Assert.Equal(CampRole.Organizer, await person.GetRole(campId));
        Assert.Equal("Aigerim", (await person.GetProfile())!.Name);
    }

    [Fact]
    public async Task A_person_can_hold_different_roles_in_different_camps()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        await person.Join(first, CampRole.Judge, "Gulnara");
        await person.Join(second, CampRole.Participant, "Gulnara");

        Assert.Equal(CampRole.Judge, await person.GetRole(first));
        Assert.Equal(CampRole.Participant, await person.GetRole(second));
    }

    [Fact]
    public async Task Becoming_platform_organizer_keeps_the_name_the_person_already_has()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        await person.Join(Guid.NewGuid(), CampRole.Organizer, "Aigerim");

        await person.BecomePlatformOrganizer("Organizer");

        var profile = (await person.GetProfile())!;
        Assert.True(profile.IsPlatformOrganizer);
        Assert.Equal("Aigerim", profile.Name);
    }

    [Fact]
    public async Task A_skill_profile_is_stored_with_each_tag_once_and_saving_it_again_changes_nothing()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        await person.Join(Guid.NewGuid(), CampRole.Participant, "Nodira");

        var first = (await person.SaveSkills(new SaveSkillProfile("UZ", [" law", "Law ", "fundraising"], ["uz", "ru", "UZ"]))).Value!;
        var again = (await person.SaveSkills(new SaveSkillProfile("UZ", ["law", "fundraising"], ["uz", "ru"]))).Value!;
        var changed = (await person.SaveSkills(new SaveSkillProfile("UZ", ["law"], ["uz"]))).Value!;

        Assert.Equal(["law", "fundraising"], first.Skills);
        Assert.Equal(["uz", "ru"], first.Languages);
        Assert.Equal((1, 1, 2), (first.Version, again.Version, changed.Version));
        Assert.Equal(["law"], (await person.GetSkills()).Skills);
    }

    [Fact]
    public async Task A_skill_profile_without_a_country_code_or_skills_is_refused_and_an_unknown_person_has_none()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        await person.Join(Guid.NewGuid(), CampRole.Participant, "Ilya");

        var refused = await person.SaveSkills(new SaveSkillProfile("Russia", [], ["ru"]));

        Assert.Equal("validation", refused.Error?.Code);
        Assert.Equal(0, (await person.GetSkills()).Version);
        Assert.Equal("person.unknown", (await Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).SaveSkills(new SaveSkillProfile("KZ", ["data"], ["ru"]))).Error?.Code);
    }

    [Fact]
    public async Task A_person_a_redemption_makes_up_is_stored_without_reading_storage_first()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        var campId = Guid.NewGuid();

        var sessions = await person.JoinAsNew(campId, CampRole.Participant, "Dilnoza");

        Assert.Equal((0, 0), (sessions.Stamp, sessions.Ended.Count));
        Assert.Equal((0, 1), (Fixture.Storage.Reads(person.GetGrainId()), Fixture.Storage.Writes(person.GetGrainId())));
        await person.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(CampRole.Participant, await person.GetRole(campId)); // read back from storage
    }

    [Fact]
    public async Task Joining_as_new_under_an_id_storage_already_has_keeps_the_stored_person()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await person.Join(first, CampRole.Organizer, "Aigerim");
        await person.EndAllSessions();
        await person.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var sessions = await person.JoinAsNew(second, CampRole.Participant, "Someone else");

        Assert.Equal(1, sessions.Stamp);
        var profile = (await person.GetProfile())!;
        Assert.Equal("Aigerim", profile.Name);
        Assert.Equal(CampRole.Organizer, profile.Camps[first]);
        Assert.Equal(CampRole.Participant, profile.Camps[second]);
        await person.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(CampRole.Participant, await person.GetRole(second));
    }

    [Fact]
    public async Task A_new_person_whose_write_failed_is_not_there()
    {
        var person = Grains.GetGrain<IPersonGrain>(Guid.NewGuid());
        Fixture.Storage.FailNextWrite(person.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => person.JoinAsNew(Guid.NewGuid(), CampRole.Participant, "Timur"));

        Assert.Null(await person.GetProfile());
    }
}
