using SocialInnovation.Grains.Live;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Mentors;

[GenerateSerializer]
public sealed class HelpQueueState
{
    /// <summary>Open requests and the most recent closed ones (for the estimate and the organizer's figures).</summary>
    [Id(0)] public List<HelpRequest> Requests { get; set; } = [];
    [Id(1)] public StreamLogState Log { get; set; } = new();
}

/// <summary><c>Mentors:*</c> settings of the help queue.</summary>
public sealed class HelpQueueOptions
{
    /// <summary>A request nobody took for this many minutes is flagged to the organizers.</summary>
    public int FlagAfterMinutes { get; set; } = 10;

    /// <summary>Closed requests kept per camp (the organizer's sessions-per-team and load-per-mentor figures come from them).</summary>
    public int KeepClosed { get; set; } = 500;
}

[GenerateSerializer]
public sealed class TeamMentoringState
{
    [Id(0)] public Guid CampId { get; set; }
    [Id(1)] public List<MentorSession> Sessions { get; set; } = [];
    [Id(2)] public StreamLogState Log { get; set; } = new();
    [Id(3)] public List<StartsSoonNotice> Notices { get; set; } = [];
}
