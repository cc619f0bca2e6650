/// Placeholder text for the `lipsum()` global: Latin-looking words drawn at random
/// in sentences with commas, each paragraph ending with a full stop.
enum LoremIpsum {
    /// The vocabulary the paragraphs draw from.
    private static let words = """
        a ac accumsan ad adipiscing aenean aliquam aliquet amet ante arcu at auctor augue bibendum blandit \
        commodo condimentum congue consectetur consequat convallis cras curabitur cursus dapibus diam dictum \
        dignissim dolor donec dui duis egestas eget eleifend elementum elit enim erat eros est et etiam eu \
        euismod facilisis fames faucibus felis fermentum feugiat fringilla fusce gravida habitant hendrerit \
        iaculis id imperdiet in integer interdum ipsum justo lacinia lacus laoreet lectus leo libero ligula \
        lobortis lorem luctus maecenas magna malesuada massa mattis mauris metus mi molestie mollis morbi nam \
        nec neque netus nibh nisi nisl non nulla nullam nunc odio orci ornare pellentesque pharetra phasellus \
        placerat porta porttitor posuere praesent pretium proin pulvinar purus quam quis quisque rhoncus risus \
        rutrum sagittis sapien scelerisque sed sem semper senectus sit sodales sollicitudin suscipit \
        suspendisse tellus tempor tempus tincidunt tortor tristique turpis ullamcorper ultrices ultricies urna \
        ut varius vehicula vel velit venenatis vestibulum vitae vivamus viverra volutpat vulputate
        """.split(separator: " ").map(String.init)

    /// `count` paragraphs of `minWords..<maxWords` words each.
    static func paragraphs(
        count: Int, minWords: Int, maxWords: Int, using generator: inout some RandomNumberGenerator
    ) -> [String] {
        func below(_ low: Int, _ high: Int) -> Int {
            high > low ? Int.random(in: low..<high, using: &generator) : low
        }
        return (0..<max(0, count)).map { _ in
            var out: [String] = []
            var capitalizeNext = true
            var lastComma = 0
            var lastStop = 0
            var previous = ""
            for index in 0..<below(minWords, maxWords) {
                var word = words.randomElement(using: &generator)!
                while word == previous { word = words.randomElement(using: &generator)! }
                previous = word
                if capitalizeNext {
                    word = PyString.capitalize(word)
                    capitalizeNext = false
                }
                if index - below(3, 8) > lastComma {
                    lastComma = index
                    lastStop += 2
                    word += ","
                }
                if index - below(10, 20) > lastStop {
                    lastComma = index
                    lastStop = index
                    word += "."
                    capitalizeNext = true
                }
                out.append(word)
            }
            var paragraph = out.joined(separator: " ")
            if paragraph.hasSuffix(",") { paragraph.removeLast() }
            if !paragraph.hasSuffix(".") { paragraph += "." }
            return paragraph
        }
    }
}
