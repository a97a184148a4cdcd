using SocialInnovation.Applications;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Selection;

[GenerateSerializer]
public sealed class SelectionState
{
    [Id(0)] public SelectionSettings Settings { get; set; } = SelectionSettings.Default;
    [Id(1)] public Dictionary<Guid, SelectionEntry> Entries { get; set; } = [];
    [Id(2)] public IdempotencyLog Applied { get; set; } = new();
    /// <summary>
    /// Decisions stored but not yet handed to the applicant's grain for mailing; handed over after each
    /// write and by the reminder, so a decision's mail survives a failure between the two.
    /// </summary>
    [Id(3)] public List<DecisionNotice> Notices { get; set; } = [];

    /// <summary>The <c>selection:&lt;camp&gt;</c> stream's position (events are kept in memory only).</summary>
    [Id(4)] public StreamLogState Log { get; set; } = new();
}

[GenerateSerializer, Immutable]
public sealed record DecisionNotice(Guid NotificationId, Guid ApplicationId, DecisionMail Mail);
