extension GalleryPage {
    /// The page's CSS, inline so the page needs nothing beside it.
    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;padding:0 24px 48px;color:#1d232b;background:#f4f5f7}
        .top{padding:16px 0 4px}.top h1{margin:0;font-size:22px}.meta{color:#555;margin:4px 0}
        nav.variants{position:sticky;top:0;background:#f4f5f7;padding:8px 0;z-index:1;border-bottom:1px solid #dde}
        nav.variants a{display:inline-block;margin:0 6px 4px 0;padding:2px 10px;border-radius:12px;background:#dfe9f5;\
        color:#1d4f8a;text-decoration:none}nav.variants a.bad{background:#f7d9d9;color:#8a1d1d}
        section{background:#fff;border:1px solid #dde;border-radius:8px;padding:12px 18px;margin:16px 0}
        section h2{margin:0 0 4px;font-size:18px}.sample{margin:2px 0 8px}
        .inbox{border:1px solid #ccd;border-radius:6px;padding:8px 12px;background:#fafbff;white-space:nowrap;\
        overflow:hidden;text-overflow:ellipsis;max-width:1000px}
        .inbox .from{font-weight:600;margin-right:12px}.inbox .subject{font-weight:600}.inbox .preheader{color:#667}
        .frames{display:flex;gap:24px;align-items:flex-start;margin:12px 0;flex-wrap:wrap}
        .frame{margin:0}.frame figcaption{color:#667;font-size:12px}
        .frame iframe{border:1px solid #bbc;background:#fff;display:block}
        .size.over{color:#a11}.problem{color:#a11;font-weight:600}
        .findings li.error{color:#a11}.findings li.warning{color:#8a5a00}.findings.none{color:#667}
        pre{white-space:pre-wrap;background:#f7f7f9;padding:8px;border-radius:4px;max-width:1000px}
        table{border-collapse:collapse}td,th{padding:2px 12px 2px 0;text-align:left}td.n{text-align:right}
        .chart{margin:12px 0}.chart figcaption{color:#555;margin-bottom:4px}
        .error-panel{border:2px solid #a11;background:#fff5f5}.error-panel pre{background:#fff;border:1px solid #eab}
        """

    /// Marks each frame `data-rendered="yes"` once its document has a body
    /// with content, sizes it to that content, and counts rendered frames on `<body>`.
    static let frameScript = """
        (function(){
          var frames=document.querySelectorAll('iframe[data-frame]');
          function check(f){
            try{var d=f.contentDocument;if(!d||!d.body||!d.body.children.length)return;
              if(f.getAttribute('data-rendered')==='yes')return;
              f.setAttribute('data-rendered','yes');
              var h=Math.min(4000,Math.max(200,d.documentElement.scrollHeight));
              f.setAttribute('data-height',String(h));f.style.height=h+'px';
              var n=document.querySelectorAll('iframe[data-rendered="yes"]').length;
              document.body.setAttribute('data-frames-rendered',String(n));
            }catch(e){f.setAttribute('data-rendered','error: '+e);}
          }
          frames.forEach(function(f){f.addEventListener('load',function(){check(f);});check(f);});
        })();
        """

    /// Polls the server's version and reloads the page when it changes.
    static func reloadScript(_ reload: LiveReload) -> String {
        """
        (function(){
          var shown=\(jsString(reload.version));
          setInterval(function(){
            fetch(\(jsString(reload.versionPath)),{cache:'no-store'}).then(function(r){return r.text();})
              .then(function(v){if(v.trim()!==shown)location.reload();}).catch(function(){});
          },1000);
        })();
        """
    }

    /// `text` as a JavaScript string literal, safe inside `<script>`.
    static func jsString(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'", "\\", "<", ">", "&", "\n", "\r", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }
}

/// Four lowercase hex digits, for `\uXXXX`.
private func hex4(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
