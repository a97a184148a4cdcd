using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Tests;

/// <summary>What the grain tests share: the cluster, a valid camp to start from, and outcome checks.</summary>
public abstract class ClusterTests(ClusterFixture fixture)
{
    protected ClusterFixture Fixture => fixture;

    protected IGrainFactory Grains => fixture.Cluster.GrainFactory;

    protected static string NewKey() => Guid.NewGuid().ToString("N");

    protected static CampDetails ValidDetails() => new(
        "Steppe Social Innovation Camp", "Almaty", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 10), 120,
        ["KZ", "TJ"], ["en", "ru"], ["unemployment", "corruption"]);

    protected async Task<(ICampGrain Camp, Guid OrganizerId, CampSnapshot Snapshot)> NewCamp()
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());
        var organizerId = Guid.NewGuid();
        var created = await camp.Create(new CreateCamp(ValidDetails(), NewKey()), organizerId, "Aigerim");
        return (camp, organizerId, created.Ok());
    }

    /// <summary>Snapshots hold lists, so records compare them by reference; compare what they hold instead.</summary>
    protected static void AssertSameCamp(CampSnapshot expected, CampSnapshot? actual) =>
        Assert.Equivalent(expected, actual, strict: true);

    /// <summary>Steps the camp forward one phase at a time until it is in <paramref name="target"/>.</summary>
    protected static async Task<CampSnapshot> StepForwardTo(ICampGrain camp, CampPhase target)
    {
        var snapshot = (await camp.GetSnapshot())!;
        while (snapshot.Phase < target)
            snapshot = (await camp.ChangePhase(new ChangePhase(snapshot.Phase, snapshot.Phase + 1, NewKey()), "Aigerim")).Ok();
        return snapshot;
    }
}

public static class CampStreamReading
{
    /// <summary>The camp's events after the position of a snapshot the caller has.</summary>
    public static async Task<IReadOnlyList<StreamEnvelope>> EventsAfter(this ICampGrain camp, CampSnapshot seen) =>
        (await camp.CatchUp(new StreamPosition(seen.Epoch, seen.Seq))).Ok().Events;

    public static CampEventKind CampKind(this StreamEnvelope envelope) => Enum.Parse<CampEventKind>(envelope.Kind);

    public static CampEvent Change(this StreamEnvelope envelope) => envelope.Read<CampEvent>();
}

public static class OutcomeAssert
{
    public static T Ok<T>(this Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, $"Expected success but it was refused: {outcome.Error}");
        return outcome.Value!;
    }

    public static DomainError Refused<T>(this Outcome<T> outcome, string code, ErrorKind? kind = null)
    {
        var error = Assert.IsType<DomainError>(outcome.Error);
        Assert.Equal(code, error.Code);
        if (kind is { } expected) Assert.Equal(expected, error.Kind);
        return error;
    }
}
