using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Polls;

[GenerateSerializer]
public sealed class PollState
{
    [Id(0)] public Guid CampId { get; set; }
    [Id(1)] public string Title { get; set; } = "";
    [Id(2)] public List<PollOption> Options { get; set; } = [];
    [Id(3)] public int DotsPerVoter { get; set; }
    /// <summary>Each voter's current allocation: option id → dots.</summary>
    [Id(4)] public Dictionary<Guid, Dictionary<string, int>> Votes { get; set; } = [];
    [Id(5)] public bool Closed { get; set; }
    [Id(6)] public long Version { get; set; }
    [Id(7)] public IdempotencyLog Applied { get; set; } = new();
    /// <summary>The poll's stream: epoch, seq and the last few tallies.</summary>
    [Id(8)] public StreamLogState Log { get; set; } = new();
    /// <summary>Set when the poll was opened for an audience (PollGrain.Audience.cs); null for a dot-vote.</summary>
    [Id(9)] public AudiencePollState? Audience { get; set; }
    /// <summary>Options merged away (PollGrain.Options.cs): merged option id → the option that took its dots.</summary>
    [Id(10)] public Dictionary<string, string> MergedInto { get; set; } = [];
    /// <summary>The journal number of the last vote this state holds (PollGrain.Journal.cs): the journal's newer votes are replayed onto it.</summary>
    [Id(11)] public long JournalSeq { get; set; }

    public bool Exists => Options.Count > 0;
}
