using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Invites;
using SocialInnovation.Invites;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Invites;

/// <summary>Looking at and using an invite, through the grain named by the token's hash.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedeemInviteTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private async Task<(ICampGrain Camp, InviteIssued Issued, IInviteGrain Invite)> NewInvite(int maxUses = 30, int hours = 48)
    {
        var (camp, organizerId, _) = await NewCamp();
        var issued = (await camp.IssueInvite(
            new IssueInvite(CampRole.Participant, "Room A", maxUses, hours, NewKey()), organizerId)).Ok();
        return (camp, issued, Grains.GetGrain<IInviteGrain>(InviteTokens.Hash(issued.Token!)));
    }

    [Fact]
    public async Task Claiming_an_invite_says_which_camp_and_role_and_counts_one_use()
    {
        var (camp, issued, invite) = await NewInvite();

        var claim = (await invite.Claim(Guid.NewGuid())).Ok();

        Assert.Equal(new InviteClaim(camp.GetPrimaryKey(), CampRole.Participant, issued.Invite.InviteId), claim);
        Assert.Equal(1, (await invite.GetSummary())!.Uses);
    }

    [Fact]
    public async Task The_same_person_claiming_twice_uses_the_invite_once()
    {
        var (_, _, invite) = await NewInvite(maxUses: 1);
        var personId = Guid.NewGuid();
        var first = (await invite.Claim(personId)).Ok();

        var again = (await invite.Claim(personId)).Ok();

        Assert.Equal(first, again);
        Assert.Equal(1, (await invite.GetSummary())!.Uses);
    }

    [Fact]
    public async Task An_invite_used_as_often_as_it_allows_is_refused_to_the_next_person()
    {
        var (_, _, invite) = await NewInvite(maxUses: 2);
        (await invite.Claim(Guid.NewGuid())).Ok();
        (await invite.Claim(Guid.NewGuid())).Ok();

        var outcome = await invite.Claim(Guid.NewGuid());

        outcome.Refused("invite.used-up", ErrorKind.Gone);
        (await invite.Preview()).Refused("invite.used-up", ErrorKind.Gone);
        Assert.Equal(2, (await invite.GetSummary())!.Uses);
    }

    [Fact]
    public async Task An_invite_past_its_hours_has_expired()
    {
        var (_, _, invite) = await NewInvite(hours: 2);
        (await invite.Preview()).Ok();

        Fixture.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        (await invite.Preview()).Refused("invite.expired", ErrorKind.Gone);
        (await invite.Claim(Guid.NewGuid())).Refused("invite.expired", ErrorKind.Gone);
        Assert.Equal(0, (await invite.GetSummary())!.Uses);
    }

    [Fact]
    public async Task An_invite_is_still_good_shortly_before_it_expires()
    {
        var (_, _, invite) = await NewInvite(hours: 2);

        Fixture.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5));

        (await invite.Claim(Guid.NewGuid())).Ok();
    }

    [Fact]
    public async Task A_revoked_invite_can_be_neither_previewed_nor_claimed()
    {
        var (camp, issued, invite) = await NewInvite();
        var earlier = Guid.NewGuid();
        (await invite.Claim(earlier)).Ok();

        var revoked = (await camp.RevokeInvite(issued.Invite.InviteId)).Ok();

        Assert.True(revoked.Revoked);
        Assert.Equal(1, revoked.Uses);
        (await invite.Preview()).Refused("invite.revoked", ErrorKind.Gone);
        (await invite.Claim(Guid.NewGuid())).Refused("invite.revoked", ErrorKind.Gone);
        (await invite.Claim(earlier)).Refused("invite.revoked", ErrorKind.Gone);
        Assert.True(Assert.Single(await camp.GetInvites()).Revoked);
    }

    [Fact]
    public async Task Revoking_an_invite_the_camp_never_issued_is_refused()
    {
        var (camp, _, _) = await NewInvite();

        (await camp.RevokeInvite(Guid.NewGuid())).Refused("invite.unknown", ErrorKind.NotFound);
    }

    [Fact]
    public async Task A_token_that_was_never_issued_is_unknown()
    {
        var invite = Grains.GetGrain<IInviteGrain>(InviteTokens.Hash(InviteTokens.NewToken()));

        (await invite.Preview()).Refused("invite.unknown", ErrorKind.NotFound);
        (await invite.Claim(Guid.NewGuid())).Refused("invite.unknown", ErrorKind.NotFound);
        Assert.Null(await invite.GetSummary());
    }

    [Fact]
    public async Task The_camps_invite_list_shows_the_uses_so_far()
    {
        var (camp, issued, invite) = await NewInvite();
        await invite.Claim(Guid.NewGuid());
        await invite.Claim(Guid.NewGuid());
        await invite.Claim(Guid.NewGuid());

        var listed = Assert.Single(await camp.GetInvites());

        Assert.Equal(issued.Invite.InviteId, listed.InviteId);
        Assert.Equal(3, listed.Uses);
    }
}
