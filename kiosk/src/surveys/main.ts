/** Entry of /surveys/: registers the page's elements (index.html renders <asg-surveys-app>). */
import '../register/asg-staff-gate.js'
import './asg-surveys-app.js'
