import Foundation

/// The shard index from the scheduler running this process, for when
/// `--shard` is not given: each of these runs the same command N times with a
/// different index in an environment variable.
extension Shard {
    /// The variables read, in this order, and who sets them.
    public static let environmentVariables: [(name: String, scheduler: String)] = [
        ("JOB_COMPLETION_INDEX", "Kubernetes Indexed Job"),
        ("AWS_BATCH_JOB_ARRAY_INDEX", "AWS Batch array job"),
        ("SLURM_ARRAY_TASK_ID", "Slurm job array"),
    ]

    /// The shard given by the first of ``environmentVariables`` that is set,
    /// with `count` shards; nil when none is set. A set variable that is not a
    /// number in range throws.
    ///
    /// Slurm array indices start where `--array` says; pass `offset` (the
    /// array's first index, `SLURM_ARRAY_TASK_MIN`) to make them 0-based.
    public static func fromEnvironment(_ environment: [String: String], count: Int, offset: Int = 0) throws(ShardError)
        -> Shard?
    {
        for (name, scheduler) in environmentVariables {
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let raw = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ShardError("\(name)='\(text)' (\(scheduler)) is not a shard index")
            }
            do {
                return try Shard(index: raw - offset, count: count)
            } catch {
                throw ShardError("\(name)=\(text) (\(scheduler)): \(error.description)")
            }
        }
        return nil
    }
}
