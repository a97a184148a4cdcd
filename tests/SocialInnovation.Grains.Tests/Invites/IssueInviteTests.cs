using System.Text.Json;
using System.Text.RegularExpressions;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Camps;
using SocialInnovation.Grains.Invites;
using SocialInnovation.Invites;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Invites;

[Collection(ClusterCollection.Name)]
public sealed class IssueInviteTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static IssueInvite JudgeInvite(string? key = null) =>
        new(CampRole.Judge, "For Gulnara", 1, 48, key ?? NewKey());

    [Fact]
    public async Task An_invite_comes_with_a_43_character_url_safe_token()
    {
        var (camp, organizerId, created) = await NewCamp();

        var issued = (await camp.IssueInvite(JudgeInvite(), organizerId)).Ok();

        Assert.NotNull(issued.Token);
        Assert.Equal(43, issued.Token.Length);
        Assert.Matches(new Regex(InviteToken.Pattern), issued.Token);
        var invite = issued.Invite;
        Assert.Equal((camp.GetPrimaryKey(), CampRole.Judge, "For Gulnara", 1, 0, false),
            (invite.CampId, invite.Role, invite.Label, invite.MaxUses, invite.Uses, invite.Revoked));
        Assert.Equal(TimeSpan.FromHours(48), invite.ExpiresAt - invite.CreatedAt);
        Assert.Equal(created.Seq, (await camp.GetSnapshot())!.Seq);
    }

    [Fact]
    public async Task Each_invite_gets_its_own_token()
    {
        var (camp, organizerId, _) = await NewCamp();

        var first = (await camp.IssueInvite(JudgeInvite(), organizerId)).Ok();
        var second = (await camp.IssueInvite(JudgeInvite(), organizerId)).Ok();

        Assert.NotEqual(first.Token, second.Token);
        Assert.NotEqual(first.Invite.InviteId, second.Invite.InviteId);
        Assert.Equal(2, (await camp.GetInvites()).Count);
    }

    [Fact]
    public async Task The_invite_lives_under_its_tokens_hash_and_can_be_previewed_there()
    {
        var (camp, organizerId, _) = await NewCamp();

        var issued = (await camp.IssueInvite(JudgeInvite(), organizerId)).Ok();

        var invite = Grains.GetGrain<IInviteGrain>(InviteTokens.Hash(issued.Token!));
        Assert.Equal(issued.Invite, await invite.GetSummary());
        var preview = (await invite.Preview()).Ok();
        Assert.Equal(
            new InvitePreview(camp.GetPrimaryKey(), ValidDetails().Name, CampRole.Judge, "For Gulnara", issued.Invite.ExpiresAt),
            preview);
    }

    [Fact]
    public async Task The_token_itself_is_stored_nowhere()
    {
        var (camp, organizerId, _) = await NewCamp();

        var issued = (await camp.IssueInvite(JudgeInvite(), organizerId)).Ok();

        var token = issued.Token!;
        var hash = InviteTokens.Hash(token);
        var campState = await Fixture.ReadStored<CampRosterState>(Grains.GetGrain<ICampRosterGrain>(camp.GetPrimaryKey()), "roster");
        var inviteState = await Fixture.ReadStored<InviteState>(Grains.GetGrain<IInviteGrain>(hash), "invite");
        Assert.Equal(hash, campState.Invites[issued.Invite.InviteId].TokenHash);
        Assert.Equal(issued.Invite.InviteId, inviteState.Summary!.InviteId);
        var storedCamp = JsonSerializer.Serialize(campState);
        var storedInvite = JsonSerializer.Serialize(inviteState);
        Assert.Contains(hash, storedCamp); // the serialized form does reach the invites
        Assert.Contains("For Gulnara", storedInvite);
        Assert.DoesNotContain(token, storedCamp);
        Assert.DoesNotContain(token, storedInvite);
    }

    [Fact]
    public async Task A_retried_invite_is_made_once_and_its_token_is_not_shown_again()
    {
        var (camp, organizerId, _) = await NewCamp();
        var command = JudgeInvite();
        var first = (await camp.IssueInvite(command, organizerId)).Ok();

        var retried = (await camp.IssueInvite(command, organizerId)).Ok();

        Assert.Null(retried.Token);
        Assert.Equal(first.Invite.InviteId, retried.Invite.InviteId);
        Assert.Single(await camp.GetInvites());
    }

    [Fact]
    public async Task Reusing_an_invite_key_for_a_different_role_is_refused()
    {
        var (camp, organizerId, _) = await NewCamp();
        var key = NewKey();
        await camp.IssueInvite(JudgeInvite(key), organizerId);

        var outcome = await camp.IssueInvite(JudgeInvite(key) with { Role = CampRole.Mentor }, organizerId);

        outcome.Refused("idempotency.reused", ErrorKind.Conflict);
        Assert.Single(await camp.GetInvites());
    }

    [Fact]
    public async Task Reusing_an_invite_key_for_a_different_number_of_uses_is_refused()
    {
        var (camp, organizerId, _) = await NewCamp();
        var key = NewKey();
        await camp.IssueInvite(JudgeInvite(key), organizerId);

        var outcome = await camp.IssueInvite(JudgeInvite(key) with { MaxUses = 200 }, organizerId);

        outcome.Refused("idempotency.reused", ErrorKind.Conflict);
    }

    [Fact]
    public async Task An_archived_camp_issues_no_new_invites()
    {
        var (camp, organizerId, _) = await NewCamp();
        await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Archived, NewKey()), "Aigerim");

        var outcome = await camp.IssueInvite(JudgeInvite(), organizerId);

        outcome.Refused("camp.archived", ErrorKind.Conflict);
        Assert.Empty(await camp.GetInvites());
    }

    [Fact]
    public async Task A_camp_that_does_not_exist_issues_no_invites()
    {
        var outcome = await Grains.GetGrain<ICampGrain>(Guid.NewGuid()).IssueInvite(JudgeInvite(), Guid.NewGuid());

        outcome.Refused("camp.unknown", ErrorKind.NotFound);
    }
}
