using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Invites;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Camps;

/// <summary>An invalid command is refused with the fields at fault, and nothing is stored.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CampValidationTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly Dictionary<string, Func<CreateCamp, CreateCamp>> Mistakes = new()
    {
        ["empty name"] = c => c with { Details = c.Details with { Name = "" } },
        ["end before start"] = c => c with { Details = c.Details with { EndsOn = c.Details.StartsOn.AddDays(-1) } },
        ["lower-case country code"] = c => c with { Details = c.Details with { Countries = ["kz"] } },
        ["unknown language"] = c => c with { Details = c.Details with { Languages = ["en", "xx"] } },
        ["no capacity"] = c => c with { Details = c.Details with { Capacity = 0 } },
        ["empty idempotency key"] = c => c with { IdempotencyKey = "" },
    };

    [Theory]
    [InlineData("empty name", "Details.Name")]
    [InlineData("end before start", "Details.EndsOn")]
    [InlineData("lower-case country code", "Details.Countries[0]")]
    [InlineData("unknown language", "Details.Languages[1]")]
    [InlineData("no capacity", "Details.Capacity")]
    [InlineData("empty idempotency key", "IdempotencyKey")]
    public async Task An_invalid_camp_is_refused_with_the_field_at_fault_and_not_created(string mistake, string field)
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());
        var command = Mistakes[mistake](new CreateCamp(ValidDetails(), NewKey()));

        var outcome = await camp.Create(command, Guid.NewGuid(), "Aigerim");

        var error = outcome.Refused("validation", ErrorKind.Invalid);
        Assert.NotNull(error.Errors);
        Assert.Contains(field, error.Errors.Keys);
        Assert.NotEmpty(error.Errors[field]);
        Assert.Null(await camp.GetSnapshot());
    }

    [Fact]
    public async Task A_refused_camp_can_then_be_created_correctly_under_the_same_id()
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());
        var organizerId = Guid.NewGuid();
        await camp.Create(new CreateCamp(ValidDetails() with { Capacity = 0 }, NewKey()), organizerId, "Aigerim");

        var created = (await camp.Create(new CreateCamp(ValidDetails(), NewKey()), organizerId, "Aigerim")).Ok();

        Assert.Equal(1, created.Seq);
    }

    [Theory]
    [InlineData("", "IdempotencyKey")]
    [InlineData("not a key!", "IdempotencyKey")]
    public async Task A_phase_change_without_a_usable_key_is_refused_and_changes_nothing(string key, string field)
    {
        var (camp, _, created) = await NewCamp();

        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, key), "Aigerim");

        Assert.Contains(field, outcome.Refused("validation", ErrorKind.Invalid).Errors!.Keys);
        AssertSameCamp(created, await camp.GetSnapshot());
    }

    [Fact]
    public async Task A_phase_change_to_a_phase_that_does_not_exist_is_refused()
    {
        var (camp, _, created) = await NewCamp();

        var outcome = await camp.ChangePhase(new ChangePhase(CampPhase.Draft, (CampPhase)42, NewKey()), "Aigerim");

        Assert.Contains("To", outcome.Refused("validation", ErrorKind.Invalid).Errors!.Keys);
        AssertSameCamp(created, await camp.GetSnapshot());
    }

    [Theory]
    [InlineData(0, 48, "x", "MaxUses")]
    [InlineData(1, 0, "x", "ValidForHours")]
    [InlineData(1, 24 * 60 + 1, "x", "ValidForHours")]
    [InlineData(1, 48, "", "IdempotencyKey")]
    public async Task An_invalid_invite_is_refused_and_the_camp_is_unchanged(int maxUses, int hours, string key, string field)
    {
        var (camp, organizerId, created) = await NewCamp();
        var command = new IssueInvite(CampRole.Participant, "Room A", maxUses, hours, key == "x" ? NewKey() : key);

        var outcome = await camp.IssueInvite(command, organizerId);

        Assert.Contains(field, outcome.Refused("validation", ErrorKind.Invalid).Errors!.Keys);
        Assert.Equal(created.Seq, (await camp.GetSnapshot())!.Seq);
        Assert.Empty(await camp.GetInvites());
    }
}
