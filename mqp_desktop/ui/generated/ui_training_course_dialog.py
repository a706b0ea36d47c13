# Automatically generated - do not edit.
# Source: forms/training_course_dialog.ui (sha256 e634695d339b1b1f4d7c6303a1dc11968e9617264e951f32f9cb80e622a74ec7)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_course_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_TrainingCourseDialog(object):
    def setupUi(self, TrainingCourseDialog):
        if not TrainingCourseDialog.objectName():
            TrainingCourseDialog.setObjectName(u"TrainingCourseDialog")
        TrainingCourseDialog.resize(600, 380)
        TrainingCourseDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(TrainingCourseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(TrainingCourseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(TrainingCourseDialog)
        self.tabs.setObjectName(u"tabs")
        self.courseTab = QWidget()
        self.courseTab.setObjectName(u"courseTab")
        self.courseTabLayout = QVBoxLayout(self.courseTab)
        self.courseTabLayout.setObjectName(u"courseTabLayout")
        self.courseTabForm = QFormLayout()
        self.courseTabForm.setObjectName(u"courseTabForm")
        self.courseTabForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleEditLabel = QLabel(self.courseTab)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.courseTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(self.courseTab)
        self.titleEdit.setObjectName(u"titleEdit")

        self.courseTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.providerEditLabel = QLabel(self.courseTab)
        self.providerEditLabel.setObjectName(u"providerEditLabel")

        self.courseTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.providerEditLabel)

        self.providerEdit = QLineEdit(self.courseTab)
        self.providerEdit.setObjectName(u"providerEdit")

        self.courseTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.providerEdit)

        self.startsEditLabel = QLabel(self.courseTab)
        self.startsEditLabel.setObjectName(u"startsEditLabel")

        self.courseTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startsEditLabel)

        self.startsEdit = QDateEdit(self.courseTab)
        self.startsEdit.setObjectName(u"startsEdit")
        self.startsEdit.setCalendarPopup(True)

        self.courseTabForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startsEdit)

        self.endsCheckLabel = QLabel(self.courseTab)
        self.endsCheckLabel.setObjectName(u"endsCheckLabel")

        self.courseTabForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endsCheckLabel)

        self.endsEditRow = QHBoxLayout()
        self.endsEditRow.setObjectName(u"endsEditRow")
        self.endsCheck = QCheckBox(self.courseTab)
        self.endsCheck.setObjectName(u"endsCheck")

        self.endsEditRow.addWidget(self.endsCheck)

        self.endsEdit = QDateEdit(self.courseTab)
        self.endsEdit.setObjectName(u"endsEdit")
        self.endsEdit.setCalendarPopup(True)

        self.endsEditRow.addWidget(self.endsEdit)

        self.endsEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endsEditRow.addItem(self.endsEditSpacer)


        self.courseTabForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.endsEditRow)

        self.placesSpinLabel = QLabel(self.courseTab)
        self.placesSpinLabel.setObjectName(u"placesSpinLabel")

        self.courseTabForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.placesSpinLabel)

        self.placesSpin = QSpinBox(self.courseTab)
        self.placesSpin.setObjectName(u"placesSpin")
        self.placesSpin.setMinimum(-1)
        self.placesSpin.setMaximum(10000)

        self.courseTabForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.placesSpin)

        self.meetingComboLabel = QLabel(self.courseTab)
        self.meetingComboLabel.setObjectName(u"meetingComboLabel")

        self.courseTabForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.meetingComboLabel)

        self.meetingCombo = QComboBox(self.courseTab)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.courseTabForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.notesEditLabel = QLabel(self.courseTab)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.courseTabForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.courseTab)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 60))

        self.courseTabForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.courseTabLayout.addLayout(self.courseTabForm)

        self.courseTabStretch = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.courseTabLayout.addItem(self.courseTabStretch)

        self.tabs.addTab(self.courseTab, "")
        self.attendanceTab = QWidget()
        self.attendanceTab.setObjectName(u"attendanceTab")
        self.attendanceTabLayout = QVBoxLayout(self.attendanceTab)
        self.attendanceTabLayout.setObjectName(u"attendanceTabLayout")
        self.attendanceTotalLabel = QLabel(self.attendanceTab)
        self.attendanceTotalLabel.setObjectName(u"attendanceTotalLabel")
        self.attendanceTotalLabel.setWordWrap(True)

        self.attendanceTabLayout.addWidget(self.attendanceTotalLabel)

        self.attendanceScroll = QScrollArea(self.attendanceTab)
        self.attendanceScroll.setObjectName(u"attendanceScroll")
        self.attendanceScroll.setWidgetResizable(True)
        self.attendanceScrollContents = QWidget()
        self.attendanceScrollContents.setObjectName(u"attendanceScrollContents")
        self.attendanceForm = QFormLayout(self.attendanceScrollContents)
        self.attendanceForm.setObjectName(u"attendanceForm")
        self.attendanceForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.attendanceScroll.setWidget(self.attendanceScrollContents)

        self.attendanceTabLayout.addWidget(self.attendanceScroll)

        self.attendanceTabLayout.setStretch(1, 1)
        self.tabs.addTab(self.attendanceTab, "")
        self.evaluationTab = QWidget()
        self.evaluationTab.setObjectName(u"evaluationTab")
        self.evaluationTabLayout = QVBoxLayout(self.evaluationTab)
        self.evaluationTabLayout.setObjectName(u"evaluationTabLayout")
        self.evaluationTabForm = QFormLayout()
        self.evaluationTabForm.setObjectName(u"evaluationTabForm")
        self.evaluationTabForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.evaluationEditLabel = QLabel(self.evaluationTab)
        self.evaluationEditLabel.setObjectName(u"evaluationEditLabel")

        self.evaluationTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.evaluationEditLabel)

        self.evaluationEdit = QPlainTextEdit(self.evaluationTab)
        self.evaluationEdit.setObjectName(u"evaluationEdit")
        self.evaluationEdit.setTabChangesFocus(True)
        self.evaluationEdit.setMaximumSize(QSize(16777215, 90))

        self.evaluationTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.evaluationEdit)

        self.gapsEditLabel = QLabel(self.evaluationTab)
        self.gapsEditLabel.setObjectName(u"gapsEditLabel")

        self.evaluationTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gapsEditLabel)

        self.gapsEdit = QPlainTextEdit(self.evaluationTab)
        self.gapsEdit.setObjectName(u"gapsEdit")
        self.gapsEdit.setTabChangesFocus(True)
        self.gapsEdit.setMaximumSize(QSize(16777215, 90))

        self.evaluationTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.gapsEdit)

        self.fedCheckLabel = QLabel(self.evaluationTab)
        self.fedCheckLabel.setObjectName(u"fedCheckLabel")

        self.evaluationTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fedCheckLabel)

        self.fedEditRow = QHBoxLayout()
        self.fedEditRow.setObjectName(u"fedEditRow")
        self.fedCheck = QCheckBox(self.evaluationTab)
        self.fedCheck.setObjectName(u"fedCheck")

        self.fedEditRow.addWidget(self.fedCheck)

        self.fedEdit = QDateEdit(self.evaluationTab)
        self.fedEdit.setObjectName(u"fedEdit")
        self.fedEdit.setCalendarPopup(True)

        self.fedEditRow.addWidget(self.fedEdit)

        self.fedEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fedEditRow.addItem(self.fedEditSpacer)


        self.evaluationTabForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.fedEditRow)


        self.evaluationTabLayout.addLayout(self.evaluationTabForm)

        self.evaluationTabStretch = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.evaluationTabLayout.addItem(self.evaluationTabStretch)

        self.tabs.addTab(self.evaluationTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(TrainingCourseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TrainingCourseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.providerEditLabel.setBuddy(self.providerEdit)
        self.startsEditLabel.setBuddy(self.startsEdit)
        self.endsCheckLabel.setBuddy(self.endsCheck)
        self.placesSpinLabel.setBuddy(self.placesSpin)
        self.meetingComboLabel.setBuddy(self.meetingCombo)
        self.notesEditLabel.setBuddy(self.notesEdit)
        self.evaluationEditLabel.setBuddy(self.evaluationEdit)
        self.gapsEditLabel.setBuddy(self.gapsEdit)
        self.fedCheckLabel.setBuddy(self.fedCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrainingCourseDialog)
        self.buttonBox.accepted.connect(TrainingCourseDialog.accept)
        self.buttonBox.rejected.connect(TrainingCourseDialog.reject)

        QMetaObject.connectSlotsByName(TrainingCourseDialog)
    # setupUi

    def retranslateUi(self, TrainingCourseDialog):
        TrainingCourseDialog.setWindowTitle(QCoreApplication.translate("TrainingCourseDialog", u"Course", None))
        self.introLabel.setText("")
        self.titleEditLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"&Course:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("TrainingCourseDialog", u"e.g. Neglect: using the Graded Care Profile 2", None))
        self.providerEditLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"&Provider:", None))
        self.providerEdit.setPlaceholderText(QCoreApplication.translate("TrainingCourseDialog", u"who runs it", None))
        self.startsEditLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"&First day:", None))
        self.endsCheckLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"&Last day:", None))
        self.endsCheck.setText("")
#if QT_CONFIG(tooltip)
        self.endsCheck.setToolTip(QCoreApplication.translate("TrainingCourseDialog", u"For a course over several days", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.endsEdit.setToolTip(QCoreApplication.translate("TrainingCourseDialog", u"For a course over several days", None))
#endif // QT_CONFIG(tooltip)
        self.placesSpinLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"Places &offered:", None))
        self.placesSpin.setSpecialValueText(QCoreApplication.translate("TrainingCourseDialog", u"not recorded", None))
        self.meetingComboLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"Reviewed &at:", None))
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("TrainingCourseDialog", u"The subcommittee meeting that reviewed it", None))
#endif // QT_CONFIG(tooltip)
        self.notesEditLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"&Notes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.courseTab), QCoreApplication.translate("TrainingCourseDialog", u"Course", None))
        self.attendanceTotalLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.attendanceTab), QCoreApplication.translate("TrainingCourseDialog", u"Attendance by agency", None))
        self.evaluationEditLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"&Evaluation:", None))
#if QT_CONFIG(tooltip)
        self.evaluationEdit.setToolTip(QCoreApplication.translate("TrainingCourseDialog", u"A summary of the course's evaluation", None))
#endif // QT_CONFIG(tooltip)
        self.gapsEditLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"&Gaps and priorities:", None))
#if QT_CONFIG(tooltip)
        self.gapsEdit.setToolTip(QCoreApplication.translate("TrainingCourseDialog", u"For the local workforce strategy (ToR 7.6)", None))
#endif // QT_CONFIG(tooltip)
        self.fedCheckLabel.setText(QCoreApplication.translate("TrainingCourseDialog", u"Fed to the &strategy:", None))
        self.fedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.fedCheck.setToolTip(QCoreApplication.translate("TrainingCourseDialog", u"When they were fed into the workforce strategy", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.fedEdit.setToolTip(QCoreApplication.translate("TrainingCourseDialog", u"When they were fed into the workforce strategy", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.evaluationTab), QCoreApplication.translate("TrainingCourseDialog", u"Evaluation && gaps", None))
        self.errorLabel.setText("")
    # retranslateUi

