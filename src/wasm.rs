//! The JavaScript binding: every `#[wasm_bindgen]` item, and nothing else.
//! Options come in as plain objects, results go out as plain objects with
//! UTF-16 spans, and every failure is thrown as a JS `Error`.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::segment::UserWords;
use crate::{AnalyzeOptions, CleanOptions, KeywordOptions, Offsets, Options, SegmentOptions};

/// A panic should never happen; if one does, the instance is lost, so at
/// least say why in the console before it goes.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("mubiao: internal error: {info}").into());
    }));
}

/// Reads an options object. It goes through JSON so that a misspelt option
/// is an error naming it, not silently ignored (serde-wasm-bindgen only looks
/// up the fields it knows).
fn options<T: DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let json = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new(&format!("{what}: expected a plain object")))?;
    let mut reader = serde_json::Deserializer::from_str(&json);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        // serde_json ends with "at line 1 column 17": a place in JSON the
        // caller never wrote, so only the reason is kept, in JS words.
        let message = e.into_inner().to_string();
        let reason = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(r, _)| r);
        let reason = match reason.split_once("expected struct ") {
            Some((head, _)) => format!("{head}expected an object"),
            None => reason.replace("expected usize", "expected a whole number ≥ 0"),
        };
        // An unknown field is named by the reason; the place is its parent.
        let path = if reason.starts_with("unknown field") {
            path.rsplit_once('.').map_or(".", |(parent, _)| parent)
        } else {
            path.as_str()
        };
        match path {
            "." => JsError::new(&format!("{what}: {reason}")),
            path => JsError::new(&format!("{what} `{path}`: {reason}")),
        }
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("result could not be converted: {e}")))
}

/// Built once (it loads the dictionary), used for many texts.
#[wasm_bindgen(js_name = Analyzer)]
pub struct JsAnalyzer {
    inner: crate::Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    #[wasm_bindgen(constructor)]
    pub fn new(options_: JsValue) -> Result<JsAnalyzer, JsError> {
        let options: Options = options(options_, "options")?;
        Ok(JsAnalyzer {
            inner: crate::Analyzer::new(options)?,
        })
    }

    /// The analysis as `{json, spans, tags, tagNames}`: as a JSON
    /// string with `tokens: []`, and its tokens packed as in
    /// [`segmentPacked`](Self::segment_packed), their UTF-16 spans into the
    /// analysis's `text`. The package's entry points parse the JSON and build
    /// the tokens in JS: building the same objects through serde-wasm-bindgen
    /// took longer than the analysis itself.
    #[wasm_bindgen(js_name = analyzePacked)]
    pub fn analyze_packed(&self, text: &str, options_: JsValue) -> Result<js_sys::Object, JsError> {
        let options: AnalyzeOptions = options(options_, "analyze options")?;
        let (mut analysis, packed) = self.inner.analyze_spans(text, &options)?;
        analysis.convert_offsets(text, Offsets::Utf16);
        let json = serde_json::to_string(&analysis)
            .map_err(|e| JsError::new(&format!("result could not be converted: {e}")))?;
        let out = packed_object(&analysis.text, packed, true)?;
        js_sys::Reflect::set(&out, &"json".into(), &JsValue::from_str(&json))
            .map_err(|_| JsError::new("result could not be converted"))?;
        Ok(out)
    }

    pub fn clean(&self, text: &str, options_: JsValue) -> Result<JsValue, JsError> {
        let options: CleanOptions = options(options_, "clean options")?;
        let mut cleaned = self.inner.clean(text, &options)?;
        cleaned.convert_offsets(text, Offsets::Utf16);
        to_js(&cleaned)
    }

    pub fn segment(&self, text: &str, options_: JsValue) -> Result<JsValue, JsError> {
        let options: SegmentOptions = options(options_, "segment options")?;
        let mut tokens = self.inner.segment(text, &options)?;
        crate::offsets::convert_tokens(text, Offsets::Utf16, &mut tokens);
        to_js(&tokens)
    }

    /// `segment` without building the token objects: `{spans, tags, tagNames}`
    /// with UTF-16 `spans` (start, end per token) as a `Uint32Array`, `tags` a
    /// `Uint16Array` indexing `tagNames` (when tagging). The package's entry
    /// points build the tokens from it in JS, cutting the words out of the
    /// text they already hold: one call per line of the SIGHAN PKU test set
    /// ran at 4.1 M chars/s this way, 1.5 M through serde-wasm-bindgen.
    #[wasm_bindgen(js_name = segmentPacked)]
    pub fn segment_packed(&self, text: &str, options_: JsValue) -> Result<js_sys::Object, JsError> {
        let options: SegmentOptions = options(options_, "segment options")?;
        let packed = self.inner.segment_spans(text, &options)?;
        packed_object(
            text,
            packed,
            options.pos && options.mode == crate::Mode::Precise,
        )
    }

    pub fn keywords(&self, text: &str, options_: JsValue) -> Result<JsValue, JsError> {
        let options: KeywordOptions = options(options_, "keyword options")?;
        to_js(&self.inner.keywords(text, &options)?)
    }

    pub fn targets(&self, text: &str, options_: JsValue) -> Result<JsValue, JsError> {
        let options: AnalyzeOptions = options(options_, "targets options")?;
        let mut analysis = self.inner.targets(text, &options)?;
        analysis.convert_offsets(text, Offsets::Utf16);
        to_js(&analysis.targets)
    }

    #[wasm_bindgen(js_name = addWords)]
    pub fn add_words(&mut self, words: JsValue) -> Result<usize, JsError> {
        let words: UserWords = serde_wasm_bindgen::from_value(words).map_err(|_| {
            JsError::new(
                "addWords: expected a string of `word [freq] [tag]` lines, or an array of such lines or {word, freq, tag} objects",
            )
        })?;
        Ok(self.inner.add_user_words(&words)?)
    }
}

/// `{spans, tags, tagNames}` from `packed`, tokens of `text`: `spans` as a
/// `Uint32Array` of UTF-16 offsets, with `tagged` also `tags` (a
/// `Uint16Array`) and `tagNames`.
fn packed_object(
    text: &str,
    mut packed: crate::segment::PackedTokens,
    tagged: bool,
) -> Result<js_sys::Object, JsError> {
    let mut positions: Vec<&mut usize> = packed.spans.iter_mut().collect();
    crate::offsets::convert(text, Offsets::Utf16, &mut positions);
    // Offsets into a text under the 4 GiB of wasm32 memory fit in a u32.
    let spans: Vec<u32> = packed.spans.iter().map(|&p| p as u32).collect();
    let out = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        js_sys::Reflect::set(&out, &key.into(), value)
            .map(|_| ())
            .map_err(|_| JsError::new("result could not be converted"))
    };
    set("spans", &js_sys::Uint32Array::from(spans.as_slice()).into())?;
    if tagged {
        set(
            "tags",
            &js_sys::Uint16Array::from(packed.tags.as_slice()).into(),
        )?;
        let names: js_sys::Array = packed
            .tag_names
            .iter()
            .map(|n| JsValue::from_str(n))
            .collect();
        set("tagNames", &names.into())?;
    }
    Ok(out)
}

/// Bytes of WebAssembly memory the module holds. Wasm memory only grows, so
/// this is the high-water mark: a leak shows as growth over many calls.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size::<0>() * 65536
}
