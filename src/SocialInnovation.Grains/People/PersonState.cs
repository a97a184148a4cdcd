using SocialInnovation.People;

namespace SocialInnovation.Grains.People;

[GenerateSerializer]
public sealed class PersonState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public bool IsPlatformOrganizer { get; set; }
    [Id(2)] public Dictionary<Guid, CampRole> Camps { get; set; } = [];
    /// <summary>Null until the person picks one; until then each device follows its browser.</summary>
    [Id(3)] public string? Language { get; set; }
    [Id(4)] public int SessionStamp { get; set; }
    [Id(5)] public List<string> EndedSessions { get; set; } = [];
    /// <summary>What the person brings to a team, as they last saved it (see <see cref="SkillProfile"/>).</summary>
    [Id(6)] public SkillProfile Skills { get; set; } = SkillProfile.None;
}
