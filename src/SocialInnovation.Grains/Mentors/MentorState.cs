using SocialInnovation.Grains.Live;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Mentors;

[GenerateSerializer]
public sealed class MentorState
{
    [Id(0)] public MentorProfile? Profile { get; set; }
    [Id(1)] public List<OfficeHourSlot> Slots { get; set; } = [];
    [Id(2)] public long Version { get; set; }
    [Id(3)] public StreamLogState Log { get; set; } = new();
    /// <summary>Notices sent, until their slot ends: one per booked slot, never twice.</summary>
    [Id(4)] public List<StartsSoonNotice> Notices { get; set; } = [];
}

[GenerateSerializer]
public sealed class MentorshipState
{
    [Id(0)] public List<MentorProfile> Mentors { get; set; } = [];
    [Id(1)] public List<MentorTeamRecord> Records { get; set; } = [];
}
