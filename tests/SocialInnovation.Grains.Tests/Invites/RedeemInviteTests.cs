using Orleans.Core.Internal;
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

    [Fact]
    public async Task A_claim_stores_the_recent_claims_only_and_the_whole_invite_once_per_fold_with_every_use_counted()
    {
        var people = Enumerable.Range(0, InviteGrain.FoldAt + 10).Select(_ => Guid.NewGuid()).ToList();
        var (_, _, invite) = await NewInvite(maxUses: people.Count + 1);

        foreach (var person in people) (await invite.Claim(person)).Ok();

        var whole = await Fixture.ReadStored<InviteState>(invite, "invite");
        var recent = await Fixture.ReadStored<RecentClaimsState>(invite, "invite-recent");
        Assert.Equal(InviteGrain.FoldAt, whole.ClaimedBy.Count); // folded once
        Assert.Equal(10, recent.ClaimedBy.Count);
        Assert.Equal(people.ToHashSet(), whole.ClaimedBy.Union(recent.ClaimedBy).ToHashSet());
        await invite.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(people.Count, (await invite.GetSummary())!.Uses);
        (await invite.Claim(people[0])).Ok(); // a retry, folded or recent, is not a second use
        (await invite.Claim(people[^1])).Ok();
        Assert.Equal(people.Count, (await invite.GetSummary())!.Uses);
        (await invite.Claim(Guid.NewGuid())).Ok();
        (await invite.Claim(Guid.NewGuid())).Refused("invite.used-up", ErrorKind.Gone);
    }

    [Fact]
    public async Task A_claim_is_answered_only_once_stored_and_a_failed_write_acknowledges_nobody_in_it()
    {
        var (_, _, invite) = await NewInvite(maxUses: 100);
        Fixture.Storage.SlowWrites(invite.GetGrainId(), TimeSpan.FromMilliseconds(50));
        (await invite.Claim(Guid.NewGuid())).Ok(); // opened and activated: the next write is the recent claims'
        Fixture.Storage.FailNextWrite(invite.GetGrainId());
        var people = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var answered = await Task.WhenAll(people.Select(async person =>
        {
            try
            {
                (await invite.Claim(person)).Ok();
                return (Person: person, Ok: true);
            }
            catch (Exception)
            {
                return (Person: person, Ok: false);
            }
        }));

        Assert.Contains(answered, a => !a.Ok);
        var stored = (await Fixture.ReadStored<InviteState>(invite, "invite")).ClaimedBy
            .Union((await Fixture.ReadStored<RecentClaimsState>(invite, "invite-recent")).ClaimedBy).ToHashSet();
        Assert.All(answered.Where(a => a.Ok), a => Assert.Contains(a.Person, stored));
        // The failed write dropped the activation: the next one counts what storage holds.
        Assert.Equal(stored.Count, (await invite.GetSummary())!.Uses);
    }
}
