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

    /// The shard given by the first of ``environmentVariables`` that is set;
    /// nil when none is set.
    ///
    /// The count is `count` (`--shard-count`); a Slurm array also says it
    /// itself (`SLURM_ARRAY_TASK_COUNT`), and its indices start where `--array`
    /// says (`SLURM_ARRAY_TASK_MIN`, subtracted to make them 0-based). A set
    /// index without a count throws rather than rendering everything: every
    /// one of the scheduler's N processes would then send to the whole list.
    /// So does a set variable that is not a number in range, and a Slurm array
    /// of fewer tasks than `--shard-count` shards (the others would never run).
    public static func fromEnvironment(_ environment: [String: String], count: Int?) throws(ShardError) -> Shard? {
        for (name, scheduler) in environmentVariables {
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let raw = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ShardError("\(name)='\(text)' (\(scheduler)) is not a shard index")
            }
            let isSlurm = name == "SLURM_ARRAY_TASK_ID"
            let offset = isSlurm ? try number(environment, "SLURM_ARRAY_TASK_MIN") ?? 0 : 0
            let ownCount = isSlurm ? try number(environment, "SLURM_ARRAY_TASK_COUNT") : nil
            // Fewer tasks than shards: the shards past the last task would never be rendered.
            if let count, let ownCount, ownCount < count {
                let unrendered = ownCount == count - 1 ? "shard \(ownCount)" : "shards \(ownCount) to \(count - 1)"
                throw ShardError(
                    "--shard-count \(count) splits the send into \(count) shards, but the \(scheduler) runs "
                        + "\(ownCount) task\(ownCount == 1 ? "" : "s") (SLURM_ARRAY_TASK_COUNT=\(ownCount)): \(unrendered) "
                        + "would never be rendered; pass --shard-count \(ownCount), or leave it out to take the array's")
            }
            guard let count = count ?? ownCount else {
                throw ShardError(
                    "\(name)=\(text) is set (\(scheduler)), so this process is one of several, but the number of shards "
                        + "is not given: pass --shard-count N (as many as the scheduler runs), or --shard 0/1 to "
                        + "render every recipient here")
            }
            do {
                return try Shard(index: raw - offset, count: count)
            } catch {
                let base = offset == 0 ? "" : " (less SLURM_ARRAY_TASK_MIN=\(offset))"
                throw ShardError("\(name)=\(text)\(base) (\(scheduler)): \(error.description)")
            }
        }
        return nil
    }

    /// A whole number from the environment, nil when unset or empty.
    private static func number(_ environment: [String: String], _ name: String) throws(ShardError) -> Int? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ShardError("\(name)='\(text)' (Slurm job array) is not a number")
        }
        return value
    }
}
