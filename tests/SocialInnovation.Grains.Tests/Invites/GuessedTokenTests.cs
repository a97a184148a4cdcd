using SocialInnovation.Camps;
using SocialInnovation.Grains.Invites;
using SocialInnovation.Invites;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Invites;

/// <summary>Someone trying random tokens: every try is refused, and none of them is kept in memory.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GuessedTokenTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Guessed_tokens_are_refused_and_leave_no_activation_behind()
    {
        var guesses = Enumerable.Range(0, 25)
            .Select(_ => Grains.GetGrain<IInviteGrain>(InviteTokens.Hash(InviteTokens.NewToken()))).ToList();
        var (camp, organizerId, _) = await NewCamp();
        var issued = (await camp.IssueInvite(new IssueInvite(CampRole.Participant, "Room A", 30, 48, NewKey()), organizerId)).Ok();
        var real = Grains.GetGrain<IInviteGrain>(InviteTokens.Hash(issued.Token!));

        foreach (var guess in guesses)
        {
            (await guess.Preview()).Refused("invite.unknown");
            (await guess.Claim(Guid.NewGuid())).Refused("invite.unknown");
        }
        (await real.Preview()).Ok();

        var management = Grains.GetGrain<IManagementGrain>(0);
        async Task<int> Activations(IEnumerable<IInviteGrain> grains) =>
            (await Task.WhenAll(grains.Select(g => management.GetGrainActivationCount((GrainReference)g)))).Sum();
        // Deactivation finishes just after the refusal is answered: wait for it, within a bound.
        for (var i = 0; i < 200 && await Activations(guesses) > 0; i++) await Task.Delay(25);

        Assert.Equal(0, await Activations(guesses));
        Assert.Equal(1, await Activations([real]));
    }
}
